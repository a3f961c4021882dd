package io.mdmgen.world;

import static io.mdmgen.world.Fields.CLOSE_CHANCE;
import static io.mdmgen.world.Fields.LIFE_CHANCE;
import static io.mdmgen.world.Fields.LIFE_DRAW;

/**
 * What happens to customers after they appear (stream mode): which of their
 * {@link Life#OPPORTUNITIES} bring a life event, which closes the account, and what each event
 * changes, drawn as a customer's first state is.
 */
final class Lives {
  private static final LifeEvent[] LIFE_EVENTS = LifeEvent.values();

  private final Life life;
  private final long[] mixCdf;
  private final People people;
  private final Addresses addresses;
  private final Phones phones;
  private final Emails emails;

  Lives(Life life, People people, Addresses addresses, Phones phones, Emails emails) {
    this.life = life;
    this.mixCdf = Hash.cdf(life.mix());
    this.people = people;
    this.addresses = addresses;
    this.phones = phones;
    this.emails = emails;
  }

  /** See {@link World#closingChance}. */
  int closingChance(long masterKey) {
    long h = Hash.of(masterKey, CLOSE_CHANCE);
    return Hash.unit(h) < life.closureRate()
        ? 1 + Hash.below(Hash.mix(h), Life.OPPORTUNITIES) : Life.OPPORTUNITIES + 1;
  }

  /** See {@link World#lifeEvent}. */
  LifeEvent lifeEvent(long masterKey, int chance, int closingChance) {
    if (chance >= closingChance) {
      return chance == closingChance ? LifeEvent.CLOSE : null;
    }
    long h = Hash.of(masterKey, LIFE_CHANCE + chance);
    if (Hash.unit(h) >= life.perOpportunity()) {
      return null;
    }
    return LIFE_EVENTS[Hash.pick(Hash.mix(h), mixCdf)];
  }

  /** See {@link World#live}. */
  long live(Master m, LifeEvent e, int chance, int day) {
    long h = Hash.of(m.key, LIFE_DRAW + chance);
    long changed = switch (e) {
      case MOVE -> {
        int before = m.home.place;
        addresses.draw(h, m.home);
        yield addresses.moved(before, m.home);
      }
      case EMAIL -> {
        emails.change(h, m);
        yield World.bit(Column.EMAIL);
      }
      case PHONE -> {
        phones.draw(h, m);
        yield World.bit(Column.PHONE);
      }
      case NAME -> {
        people.rename(h, m);
        yield World.bit(Column.LAST_NAME) | World.bit(Column.FULL_NAME);
      }
      case CLOSE -> {
        m.active = false;
        m.closed = true;
        yield World.bit(Column.IS_ACTIVE) | World.bit(Column.ACCOUNT_STATUS);
      }
    };
    if (day > m.lastActivityDay) {
      m.lastActivityDay = day;
      changed |= World.bit(Column.LAST_ACTIVITY_DATE);
    }
    return changed;
  }
}
