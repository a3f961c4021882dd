package io.mdmgen.world;

import static io.mdmgen.world.Fields.ADDRESS_FORMAT;
import static io.mdmgen.world.Fields.DOMAIN_CHANGED;
import static io.mdmgen.world.Fields.MISSING;
import static io.mdmgen.world.Fields.MISSING_COLUMN;
import static io.mdmgen.world.Fields.NAME_CASE;
import static io.mdmgen.world.Fields.NAME_KIND;
import static io.mdmgen.world.Fields.NAME_VARIED;
import static io.mdmgen.world.Fields.NEW_DOMAIN;
import static io.mdmgen.world.Fields.NICKNAME;
import static io.mdmgen.world.Fields.PHONE_FORMAT;
import static io.mdmgen.world.Fields.RECORD;
import static io.mdmgen.world.Fields.TYPO;
import static io.mdmgen.world.Fields.TYPO_COLUMN;
import static io.mdmgen.world.Fields.TYPO_DRAW;

/** How each system's records depart from their master: the decisions of {@link Variation}. */
final class Variations {
  private final Dictionaries dict;
  private final SourceRates[] rates = new SourceRates[SourceSystem.values().length];
  private final long[][] addressCdf = new long[rates.length][];
  private final long[][] phoneCdf = new long[rates.length][];

  Variations(Scenario scenario, Dictionaries dictionaries) {
    this.dict = dictionaries;
    for (SourceSystem s : SourceSystem.values()) {
      SourceRates r = scenario.rates(s);
      rates[s.ordinal()] = r;
      addressCdf[s.ordinal()] = r.addressFormatsCdf();
      phoneCdf[s.ordinal()] = r.phoneFormatsCdf();
    }
  }

  /** See {@link World#vary}. */
  void vary(Master m, SourceSystem source, int copy, Variation v) {
    int s = source.ordinal();
    SourceRates r = rates[s];
    long k = Hash.of(m.key, RECORD + 16 * s + copy);
    v.key = k;
    v.nameKind = Variation.NONE;
    if (Hash.unit(Hash.of(k, NAME_VARIED)) < r.nameVariation()) {
      double kind = Hash.unit(Hash.of(k, NAME_KIND));
      v.nameKind = kind < 0.40 ? Variation.NICKNAME : kind < 0.55 ? Variation.INITIAL
          : kind < 0.80 ? Variation.CASE : Variation.ORDER;
      byte[][] nicknames = dict.nicknames(m);
      if (v.nameKind == Variation.NICKNAME) {
        if (nicknames.length == 0) {
          v.nameKind = Variation.INITIAL;
        } else {
          v.nickname = Hash.below(Hash.of(k, NICKNAME), nicknames.length);
        }
      }
      v.upperCase = (Hash.of(k, NAME_CASE) & 1) == 0;
    }
    // Copies of one master get distinct formats, so duplicates never come out as clones.
    long master = Hash.of(m.key, RECORD + 16 * s + 15);
    v.addressFormat = (Hash.pick(Hash.of(master, ADDRESS_FORMAT), addressCdf[s]) + 3 * copy)
        % SourceRates.ADDRESS_FORMATS;
    v.phoneFormat = (Hash.pick(Hash.of(master, PHONE_FORMAT), phoneCdf[s]) + copy)
        % SourceRates.PHONE_FORMATS;
    v.domainChanged = Hash.unit(Hash.of(k, DOMAIN_CHANGED)) < r.emailDomainChange();
    v.emailDomain = v.domainChanged
        ? Emails.otherDomain(m.emailDomain, Hash.of(k, NEW_DOMAIN)) : m.emailDomain;
    v.missing = null;
    if (Hash.unit(Hash.of(k, MISSING)) < r.missing()) {
      int n = Variation.MISSING_COLUMNS.length;
      v.missing = Variation.MISSING_COLUMNS[(Hash.below(Hash.of(master, MISSING_COLUMN), n) + copy) % n];
    }
    v.typo = null;
    if (Hash.unit(Hash.of(k, TYPO)) < r.typo()) {
      int n = Variation.TYPO_COLUMNS.length;
      int t = Hash.below(Hash.of(k, TYPO_COLUMN), n);
      if (Variation.TYPO_COLUMNS[t] == v.missing) {
        t = (t + 1) % n;
      }
      v.typo = Variation.TYPO_COLUMNS[t];
      v.typoDraw = Hash.of(k, TYPO_DRAW);
    }
  }
}
