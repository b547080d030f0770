package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.internal.template.Template;
import dev.bulwark.iac.internal.template.TemplateReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures mapping alone (reading excluded) on a generated SAM template: {@code MappingTiming
 * [functions] [rounds]}. A measurement aid, not a test; the figures go into the report.
 */
public final class MappingTiming {

  private MappingTiming() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path file = Files.createTempFile("bulwark-scale", ".yaml");
    try {
      Files.writeString(file, ScaleTemplates.sam(n));
      long r0 = System.nanoTime();
      Template t = TemplateReader.read(file, "scale.yaml", IacOptions.defaults()).template();
      long r1 = System.nanoTime();
      System.out.printf("read %d functions: %.0f ms (first read)%n", n, (r1 - r0) / 1e6);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long best = Long.MAX_VALUE;
      long bestCpu = Long.MAX_VALUE;
      int resources = 0;
      for (int i = 0; i < rounds; i++) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        MappingResult r = ModelMapper.map(t);
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        best = Math.min(best, t1 - t0);
        bestCpu = Math.min(bestCpu, c1 - c0);
        resources = r.model().resources().size();
        System.out.printf(
            "round %d: map %.0f ms wall, %.0f ms cpu (%d resources)%n",
            i + 1, (t1 - t0) / 1e6, (c1 - c0) / 1e6, resources);
      }
      System.out.printf(
          "best map of %d functions (%d model resources): %.0f ms wall, %.0f ms cpu%n",
          n, resources, best / 1e6, bestCpu / 1e6);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
