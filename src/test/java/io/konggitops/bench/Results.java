package io.konggitops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the side-by-side benchmark measured, and {@code target/bench/results.md} made from it: the goals of issue #10
 * with their figures, decK's figures from the same run, ratios and verdicts; the comparison per size and latency;
 * every run; the scale curve. Rewritten after every run, so a stopped benchmark leaves what it had.
 */
final class Results {
    static final String KG = "kong-gitops";
    static final String DECK = "decK 1.4";
    static final String SYNC = "first sync";
    static final String DIFF = "no-op diff";
    static final String DUMP = "dump (decK's diff input)";

    /** One measured process: its numbers, and what the Kong double saw during it. */
    record Row(int rules, int latencyMs, String step, String tool, Timed run, int requests, int writes,
               double doubleCpu, String loadBefore, String loadAfter, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> header;
    private final Path file;
    private final Instant started = Instant.now();
    private final int parallelism;

    Results(Path file, List<String> header, int parallelism) {
        this.file = file;
        this.header = header;
        this.parallelism = parallelism;
    }

    synchronized void add(Row row) throws IOException {
        rows.add(row);
        System.out.printf("[bench] %,d rules %d ms %-32s %-12s %8.2f s wall %7.2f s CPU %6.0f MiB %,7d req (%,d writes) exit %d %s%n",
                row.rules(), row.latencyMs(), row.step(), row.tool(), row.run().wall(), row.run().cpu(),
                row.run().rssMib(), row.requests(), row.writes(), row.run().exit(), row.note());
        write();
    }

    Optional<Row> find(int rules, int latency, String step, String tool) {
        return rows.stream().filter(r -> r.rules() == rules && r.latencyMs() == latency && r.step().equals(step)
                && r.tool().equals(tool)).reduce((a, b) -> b);
    }

    synchronized void write() throws IOException {
        StringBuilder md = new StringBuilder("# kong-gitops vs decK 1.4: side-by-side benchmark\n\n");
        header.forEach(h -> md.append("- ").append(h).append('\n'));
        md.append("- started ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", this file written ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(", load average now ")
                .append(BenchRepos.loadAvg()).append("\n\n");
        md.append("Wall time is measured around each process; CPU is its user + sys time and peak RSS its maximum "
                + "resident set size (GNU time). \"Kong double CPU\" is the CPU the double (in the benchmark's JVM) "
                + "spent during the run. Requests and writes are counted by the double.\n\n");
        goals(md);
        comparison(md);
        md.append("\n## Every run\n\n| rules | latency | step | tool | wall | CPU (user + sys) | peak RSS | requests "
                + "(writes) | Kong double CPU | load 1 min before → after | exit | note |\n"
                + "|---:|---:|---|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (Row r : rows) {
            md.append(String.format("| %,d | %d ms | %s | %s | %.2f s | %.2f + %.2f s | %,.0f MiB | %,d (%,d) | %.2f s | %s → %s | %d | %s |%n",
                    r.rules(), r.latencyMs(), r.step(), r.tool(), r.run().wall(), r.run().user(), r.run().sys(),
                    r.run().rssMib(), r.requests(), r.writes(), r.doubleCpu(), r.loadBefore(), r.loadAfter(),
                    r.run().exit(), r.note()));
        }
        scaleCurve(md);
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }

    private void comparison(StringBuilder md) {
        md.append("\n## Side by side\n\n| rules | latency | step | kong-gitops wall (CPU, RSS) | decK 1.4 wall (CPU, RSS) "
                + "| decK ÷ kong-gitops |\n|---:|---:|---|---:|---:|---:|\n");
        TreeSet<String> cases = new TreeSet<>();
        for (Row r : rows) cases.add(String.format("%09d/%05d", r.rules(), r.latencyMs()));
        for (String c : cases) {
            int rules = Integer.parseInt(c.substring(0, 9));
            int latency = Integer.parseInt(c.substring(10));
            for (String step : List.of(SYNC, DIFF)) {
                Optional<Row> kg = find(rules, latency, step, KG);
                Optional<Row> deck = find(rules, latency, step, DECK);
                if (kg.isEmpty() && deck.isEmpty()) continue;
                md.append(String.format("| %,d | %d ms | %s | %s | %s | %s |%n", rules, latency, step, cell(kg),
                        cell(deck), kg.isPresent() && deck.isPresent()
                                ? String.format("**%.2f×**", deck.get().run().wall() / kg.get().run().wall()) : "–"));
            }
        }
    }

    private static String cell(Optional<Row> r) {
        return r.map(x -> String.format("%.2f s (%.2f s, %,.0f MiB)", x.run().wall(), x.run().cpu(), x.run().rssMib()))
                .orElse("–");
    }

    private void goals(StringBuilder md) {
        md.append("## Goals (issue #10)\n\n| goal | measured | decK 1.4, same run | ratio | verdict |\n|---|---:|---:|---:|---|\n");
        int big = 10_000;
        Optional<Row> diff0 = find(big, 0, DIFF, KG);
        Optional<Row> diff2 = find(big, 2, DIFF, KG);
        Optional<Row> deckDiff0 = find(big, 0, DIFF, DECK);
        Optional<Row> deckDiff2 = find(big, 2, DIFF, DECK);
        goal(md, "no-op `diff`, 10k rules, 0 ms: ≤ 3 s", diff0, deckDiff0, diff0.map(r -> r.run().wall() <= 3.0));
        goal(md, "no-op `diff`, 10k rules, 2 ms: ≤ 4 s", diff2, deckDiff2, diff2.map(r -> r.run().wall() <= 4.0));
        speedup(md, "no-op `diff` ≥ 3× faster than `deck diff` (0 ms)", diff0, deckDiff0, 3.0);
        speedup(md, "no-op `diff` ≥ 5× faster than `deck diff` (2 ms)", diff2, deckDiff2, 5.0);
        Optional<Row> sync0 = find(big, 0, SYNC, KG);
        Optional<Row> deckSync0 = find(big, 0, SYNC, DECK);
        md.append(String.format("| first sync ≤ 0.9× `deck sync` (0 ms) | %s | %s | %s | %s |%n", wall(sync0),
                wall(deckSync0), ratio(sync0, deckSync0), verdict(sync0.isPresent() && deckSync0.isPresent()
                        ? Optional.of(sync0.get().run().wall() <= 0.9 * deckSync0.get().run().wall()) : Optional.empty())));
        Optional<Row> sync2 = find(big, 2, SYNC, KG);
        Optional<Row> deckSync2 = find(big, 2, SYNC, DECK);
        if (sync2.isPresent()) {
            Row s = sync2.get();
            double floor = (double) s.writes() / parallelism * 0.002 + s.run().cpu();
            md.append(String.format("| first sync (2 ms) within 1.3× of the latency floor (writes ÷ parallelism × "
                            + "latency + CPU = %,d ÷ %d × 2 ms + %.2f s = **%.2f s**) | %.2f s | %s | %.2f× the floor | %s |%n",
                    s.writes(), parallelism, s.run().cpu(), floor, s.run().wall(), wall(deckSync2),
                    s.run().wall() / floor, verdict(Optional.of(s.run().wall() <= 1.3 * floor))));
        } else {
            md.append("| first sync (2 ms) within 1.3× of the latency floor | – | – | – | not measured |\n");
        }
        Optional<Row> changed = rows.stream().filter(r -> r.step().equals(CHANGED) && r.tool().equals(KG)).findFirst();
        Optional<Row> changedDeck = rows.stream().filter(r -> r.step().equals(CHANGED) && r.tool().equals(DECK)).findFirst();
        md.append(String.format("| one changed rule → exactly one write | %s | %s | – | %s |%n",
                changed.map(r -> r.writes() + " write(s), " + String.format("%.2f s", r.run().wall())).orElse("–"),
                changedDeck.map(r -> r.writes() + " write(s), " + String.format("%.2f s", r.run().wall())).orElse("–"),
                verdict(changed.map(r -> r.writes() == 1))));
        linear(md);
        Optional<Row> rss = rows.stream().filter(r -> r.rules() == big && r.tool().equals(KG) && !r.step().startsWith("render"))
                .max((a, b) -> Long.compare(a.run().maxRssKb(), b.run().maxRssKb()));
        Optional<Row> rssDeck = rows.stream().filter(r -> r.rules() == big && r.tool().equals(DECK))
                .max((a, b) -> Long.compare(a.run().maxRssKb(), b.run().maxRssKb()));
        md.append(String.format("| peak RSS ≤ 512 MiB at 10k rules (largest of the sync/diff runs) | %s | %s | – | %s |%n",
                rss.map(r -> String.format("%,.0f MiB (%s, %d ms)", r.run().rssMib(), r.step(), r.latencyMs())).orElse("–"),
                rssDeck.map(r -> String.format("%,.0f MiB (%s)", r.run().rssMib(), r.step())).orElse("–"),
                verdict(rss.map(r -> r.run().rssMib() <= 512))));
        Optional<Row> huge = find(100_000, 0, DIFF, KG);
        Optional<Row> hugeDeck = find(100_000, 0, DIFF, DECK);
        md.append(String.format("| 100k rules (350,000 entities): no-op diff ≤ 30 s and ≤ 1.5 GiB | %s | %s | %s | %s |%n",
                huge.map(r -> String.format("%.2f s, %,.0f MiB", r.run().wall(), r.run().rssMib())).orElse("–"),
                hugeDeck.map(r -> String.format("%.2f s, %,.0f MiB", r.run().wall(), r.run().rssMib())).orElse("–"),
                ratio(huge, hugeDeck), verdict(huge.map(r -> r.run().wall() <= 30 && r.run().rssMib() <= 1536))));
    }

    static final String CHANGED = "one changed rule (sync)";
    static final String BESIDE = "no-op diff beside 10k foreign rules";

    private void linear(StringBuilder md) {
        Optional<Row> beside = rows.stream().filter(r -> r.step().equals(BESIDE) && r.tool().equals(KG)).findFirst();
        Optional<Row> besideDeck = rows.stream().filter(r -> r.step().equals(BESIDE) && r.tool().equals(DECK)).findFirst();
        if (beside.isEmpty()) {
            md.append("| diff linear in the repository, not in the live state | – | – | – | not measured |\n");
            return;
        }
        Row b = beside.get();
        Optional<Row> alone = find(b.rules(), 0, DIFF, KG);
        String measured = String.format("%,d-rule repo beside 10k foreign rules: %.2f s, CPU %.2f s, %,d requests; "
                        + "alone: %s", b.rules(), b.run().wall(), b.run().cpu(), b.requests(),
                alone.map(a -> String.format("%.2f s, CPU %.2f s, %,d requests", a.run().wall(), a.run().cpu(), a.requests()))
                        .orElse("not measured"));
        Optional<Boolean> ok = alone.map(a -> b.requests() == a.requests() && b.run().cpu() <= 1.2 * a.run().cpu() + 0.3);
        md.append(String.format("| diff linear in the repository, not in the live state (same requests; CPU within "
                        + "20 %% + 0.3 s) | %s | %s | %s | %s |%n", measured,
                besideDeck.map(r -> String.format("%.2f s, CPU %.2f s, %,d requests", r.run().wall(), r.run().cpu(), r.requests()))
                        .orElse("–"),
                alone.map(a -> String.format("CPU %.2f×", b.run().cpu() / a.run().cpu())).orElse("–"), verdict(ok)));
    }

    private void scaleCurve(StringBuilder md) {
        List<Row> diffs = rows.stream().filter(r -> r.latencyMs() == 0 && r.step().equals(DIFF) && r.tool().equals(KG))
                .sorted((a, b) -> Integer.compare(a.rules(), b.rules())).toList();
        if (diffs.isEmpty()) return;
        md.append("\n## Scale curve (no-op diff, 0 ms)\n\n| rules | Kong entities | kong-gitops wall | CPU | peak RSS "
                + "| CPU per 1k rules over the previous size | `deck diff` wall | CPU | peak RSS |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Row prev = null;
        for (Row r : diffs) {
            Optional<Row> d = find(r.rules(), 0, DIFF, DECK);
            String marginal = prev == null ? "–" : String.format("%.3f s", (r.run().cpu() - prev.run().cpu())
                    / ((r.rules() - prev.rules()) / 1000.0));
            md.append(String.format("| %,d | %,d | %.2f s | %.2f s | %,.0f MiB | %s | %s | %s | %s |%n", r.rules(),
                    r.rules() / 2 * 7, r.run().wall(), r.run().cpu(), r.run().rssMib(), marginal,
                    d.map(x -> String.format("%.2f s", x.run().wall())).orElse("–"),
                    d.map(x -> String.format("%.2f s", x.run().cpu())).orElse("–"),
                    d.map(x -> String.format("%,.0f MiB", x.run().rssMib())).orElse("–")));
            prev = r;
        }
        md.append("\n(Kong entities for the per-two shape: rules routes + rules/2 services + rules/2 upstreams + "
                + "3 × rules/2 targets = 3.5 × rules.)\n");
    }

    private static void goal(StringBuilder md, String name, Optional<Row> kg, Optional<Row> deck, Optional<Boolean> ok) {
        md.append(String.format("| %s | %s | %s | %s | %s |%n", name, wall(kg), wall(deck), ratio(kg, deck), verdict(ok)));
    }

    private static void speedup(StringBuilder md, String name, Optional<Row> kg, Optional<Row> deck, double factor) {
        Optional<Boolean> ok = kg.isPresent() && deck.isPresent()
                ? Optional.of(deck.get().run().wall() >= factor * kg.get().run().wall()) : Optional.empty();
        md.append(String.format("| %s | %s | %s | %s | %s |%n", name, wall(kg), wall(deck), ratio(kg, deck), verdict(ok)));
    }

    private static String wall(Optional<Row> r) {
        return r.map(x -> String.format("%.2f s (CPU %.2f s)", x.run().wall(), x.run().cpu())).orElse("–");
    }

    /** decK's wall time over kong-gitops' (above 1: kong-gitops is faster). */
    private static String ratio(Optional<Row> kg, Optional<Row> deck) {
        return kg.isPresent() && deck.isPresent()
                ? String.format("decK ÷ kong-gitops = %.2f×", deck.get().run().wall() / kg.get().run().wall()) : "–";
    }

    private static String verdict(Optional<Boolean> ok) {
        return ok.map(b -> b ? "**met**" : "**missed**").orElse("not measured");
    }
}
