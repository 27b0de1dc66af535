package jp.azukari.label;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * How fast labels render, on this machine: {@code ./mvnw -q -pl backend test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=jp.azukari.label.LabelBenchmark}. Targets: 500 PNG
 * labels per second at 300 dpi; an A4 PDF of 240 labels with Japanese titles in 2 s. Prints
 * wall-clock figures and, beside them, the CPU time of the rendering thread, which a busy shared
 * machine disturbs far less. {@code -Dbench.quick=true} (CI): 3 PDF runs and a second of warm-up
 * and of measuring per PNG figure.
 */
public final class LabelBenchmark {

    private static final int PDF_LABELS = 240;
    private static final boolean QUICK = Boolean.getBoolean("bench.quick");
    private static final int PDF_RUNS = QUICK ? 3 : 7;
    private static final long WARM_UP_NANOS = QUICK ? 1_000_000_000L : 3_000_000_000L;
    private static final long MEASURE_NANOS = QUICK ? 1_000_000_000L : 5_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static int serial;

    private LabelBenchmark() {}

    public static void main(String[] args) {
        System.out.printf(
                "%d cores, Java %s, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(
                "targets: 500 PNG labels/s at 300 dpi; an A4 PDF of 240 labels with Japanese titles in 2 s"
                        + (QUICK ? " (quick mode: short warm-up and measurement)" : ""));
        PdfLabelRenderer pdf = new PdfLabelRenderer();

        // first, before anything is loaded or compiled: font read, classes initialised, nothing
        // compiled by the JIT
        Timing cold = Timing.of(() -> pdf.sheets(sheetLabels(0), SheetLayout.A4_24_70X37));
        System.out.printf(
                "A4 PDF of %d labels with Japanese titles, first run (cold): %.0f ms (CPU %.0f ms)%n",
                PDF_LABELS, cold.wallMillis(), cold.cpuMillis());

        Timing[] runs = new Timing[PDF_RUNS];
        for (int run = 0; run < PDF_RUNS; run++) {
            List<LabelContent> labels =
                    sheetLabels(run + 1); // new tags each run: no QR code comes from the cache
            runs[run] = Timing.of(() -> pdf.sheets(labels, SheetLayout.A4_24_70X37));
        }
        double[] wall = Arrays.stream(runs).mapToDouble(Timing::wallMillis).sorted().toArray();
        double[] cpu = Arrays.stream(runs).mapToDouble(Timing::cpuMillis).sorted().toArray();
        System.out.printf(
                "A4 PDF of %d labels with Japanese titles, median of %d runs: %.0f ms (fastest %.0f, slowest %.0f;"
                        + " CPU median %.0f ms)%n",
                PDF_LABELS,
                PDF_RUNS,
                wall[PDF_RUNS / 2],
                wall[0],
                wall[PDF_RUNS - 1],
                cpu[PDF_RUNS / 2]);

        PngLabelRenderer png = new PngLabelRenderer();
        LabelContent one = LabelFixtures.label(0);
        for (LabelSize size : List.of(LabelSize.TAPE_62X29, LabelSize.SHEET_70X37)) {
            report("one asset", size, rate(i -> png.png(one, size, 300)));
            report("distinct assets", size, rate(i -> png.png(freshLabel(), size, 300)));
        }
    }

    private static void report(String what, LabelSize size, double[] rate) {
        System.out.printf(
                "PNG %.0f×%.0f mm at 300 dpi, %s: %.0f labels/s (CPU time alone: %.0f labels/s)%n",
                size.widthMm(), size.heightMm(), what, rate[0], rate[1]);
    }

    /** Labels per second after a warm-up: by the wall clock, and by this thread's CPU time. */
    private static double[] rate(IntFunction<byte[]> render) {
        int i = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            render.apply(i++);
        }
        int count = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long now;
        do {
            render.apply(i++);
            count++;
            now = System.nanoTime();
        } while (now < start + MEASURE_NANOS);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new double[] {count / ((now - start) / 1e9), count / (cpu / 1e9)};
    }

    private record Timing(double wallMillis, double cpuMillis) {

        static Timing of(Runnable work) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            return new Timing(
                    (System.nanoTime() - start) / 1e6,
                    (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
    }

    private static LabelContent freshLabel() {
        String tag = String.format("A-2026-%06d", serial++ % 1_000_000);
        return new LabelContent(
                LabelFixtures.CODEC.encode(tag),
                tag,
                LabelFixtures.JAPANESE_TITLE,
                "R7-総務-0042",
                "デジタル庁");
    }

    private static List<LabelContent> sheetLabels(int run) {
        List<LabelContent> labels = new ArrayList<>(PDF_LABELS);
        for (int i = 0; i < PDF_LABELS; i++) {
            String tag = String.format("R%d-2026-%06d", run, i);
            String title =
                    switch (i % 3) {
                        case 0 -> LabelFixtures.JAPANESE_TITLE;
                        case 1 -> LabelFixtures.LONG_TITLE;
                        default -> "住民基本台帳データ抽出ファイル（暗号化USBメモリ）第" + i + "号";
                    };
            labels.add(
                    new LabelContent(
                            LabelFixtures.CODEC.encode(tag),
                            tag,
                            title,
                            "R7-総務-" + (100 + i),
                            "総務省 統計局"));
        }
        return labels;
    }
}
