package io.mdmgen.sinks;

/**
 * What one task writes one partition's rows into, in the form its sink takes (an ORC file, a
 * BigQuery write stream): {@link GeneratedRows#write} fills it.
 */
public interface PartWriter {}
