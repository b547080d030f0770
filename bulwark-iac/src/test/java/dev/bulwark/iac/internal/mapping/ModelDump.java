package dev.bulwark.iac.internal.mapping;

import dev.bulwark.iac.CloudFormationAdapter;
import dev.bulwark.iac.IacOptions;
import dev.bulwark.iac.LoadResult;
import dev.bulwark.model.Resource;
import java.nio.file.Path;

/** Development aid: prints what a template maps to ({@code ModelDump <file>...}). */
public final class ModelDump {

  private ModelDump() {}

  public static void main(String[] args) {
    for (String a : args) {
      LoadResult r = new CloudFormationAdapter().load(Path.of(a), a, IacOptions.defaults());
      r.errors().forEach(e -> System.out.println("ERROR " + e));
      if (r.model() != null) {
        for (Resource res : r.model().resources()) {
          System.out.println(res);
        }
      }
    }
  }
}
