package io.mdmgen.batch;

import io.mdmgen.sinks.TableSink;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows generated so far, counted from Spark's task metrics (rows read from the world source, which
 * equal rows written) and from the rows tasks wrote straight to ORC files, shown as a progress bar
 * with rate and ETA.
 */
final class RowProgress extends SparkListener implements AutoCloseable {
  private final AtomicLong rows = new AtomicLong();
  private final SparkContext context;
  private final ProgressBar bar;

  RowProgress(SparkContext context, String task, long total) {
    this.context = context;
    boolean console = System.console() != null;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setRenderer(new ProgressLine())
        .continuousUpdate();
    if (console) {
      builder.setUpdateIntervalMillis(500);
    } else {
      // Logs and CI: a plain line every ten seconds instead of carriage-return redraws, and
      // not the same line twice (the last update and the final one at close often are).
      builder.setUpdateIntervalMillis(10_000).setConsumer(new DelegatingProgressBarConsumer(new Consumer<>() {
        private String last;

        @Override
        public void accept(String line) {
          if (!line.equals(last)) {
            System.err.println(line);
          }
          last = line;
        }
      }, 200));
    }
    this.bar = builder.build();
    context.addSparkListener(this);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null && end.reason() == org.apache.spark.Success$.MODULE$) {
      long n = end.taskMetrics().inputMetrics().recordsRead() + written(end.taskInfo());
      rows.addAndGet(n);
      bar.stepBy(n);
    }
  }

  /** Rows a task wrote straight to a sink's files, which Spark's metrics do not count. */
  private static long written(TaskInfo task) {
    long n = 0;
    for (AccumulableInfo a : CollectionConverters.asJava(task.accumulables())) {
      if (a.name().contains(TableSink.ROWS_WRITTEN) && a.update().isDefined()) {
        n += ((Number) a.update().get()).longValue();
      }
    }
    return n;
  }

  long rows() {
    return rows.get();
  }

  /**
   * Rows counted so far, once they reach {@code expected} or {@code timeoutMillis} have passed:
   * Spark delivers task-end events to listeners asynchronously, so the last tasks of a job that
   * just finished may not have been counted yet.
   */
  long awaitRows(long expected, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (rows.get() < expected && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return rows.get();
  }

  /** Every row is written: the bar ends full, whatever the estimate of hard negatives was. */
  void finish() {
    bar.maxHint(rows.get());
  }

  void describe(String what) {
    bar.setExtraMessage(" " + what);
  }

  Duration elapsed() {
    return bar.getTotalElapsed();
  }

  @Override
  public void close() {
    context.removeSparkListener(this);
    bar.close();
  }
}
