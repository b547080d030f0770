package dev.bulwark.rules.lambda;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The dates of AWS's Lambda runtime deprecation table ("Lambda runtimes", AWS Lambda Developer
 * Guide), by runtime identifier. Reviewed {@value #REVIEWED}; AWS moves the block dates from time
 * to time, so only the deprecation date decides severity.
 *
 * <p>Runtimes that are not in the table (newer ones, or misspelt ones) have no lifecycle: rules
 * stay silent on them.
 */
final class RuntimeLifecycle {

  /** When the table was last compared with AWS's. */
  static final String REVIEWED = "2026-03";

  /**
   * One runtime's dates.
   *
   * @param id the runtime identifier ({@code python3.9})
   * @param deprecated the day Lambda stops patching it
   * @param blockCreate the day creating functions with it is blocked, or null when AWS gives none
   * @param blockUpdate the day updating functions with it is blocked, or null when AWS gives none
   */
  record Dates(
      String id, LocalDate deprecated, @Nullable LocalDate blockCreate,
      @Nullable LocalDate blockUpdate) {}

  private static final Map<String, Dates> TABLE = new HashMap<>();

  static {
    // supported runtimes: projected dates
    add("nodejs24.x", "2028-04-30", "2028-06-01", "2028-07-01");
    add("nodejs22.x", "2027-04-30", "2027-06-01", "2027-07-01");
    add("nodejs20.x", "2026-04-30", "2026-08-31", "2026-09-30");
    add("python3.14", "2029-06-30", "2029-07-31", "2029-08-31");
    add("python3.13", "2029-06-30", "2029-07-31", "2029-08-31");
    add("python3.12", "2028-10-31", "2028-11-30", "2029-01-10");
    add("python3.11", "2026-06-30", "2026-07-31", "2026-08-31");
    add("python3.10", "2026-06-30", "2026-07-31", "2026-08-31");
    add("java25", "2029-06-30", "2029-07-31", "2029-08-31");
    add("java21", "2029-06-30", "2029-07-31", "2029-08-31");
    add("java17", "2026-06-30", "2026-07-31", "2026-08-31");
    add("java11", "2026-06-30", "2026-07-31", "2026-08-31");
    add("java8.al2", "2026-06-30", "2026-07-31", "2026-08-31");
    add("dotnet10", "2028-11-14", "2028-12-14", "2029-01-15");
    add("dotnet8", "2026-11-10", "2026-12-10", "2027-01-11");
    add("ruby3.4", "2028-03-31", "2028-04-30", "2028-05-31");
    add("ruby3.3", "2027-03-31", "2027-04-30", "2027-05-31");
    add("ruby3.2", "2026-03-31", null, null);
    add("provided.al2023", "2029-06-30", "2029-07-31", "2029-08-31");
    add("provided.al2", "2026-06-30", "2026-07-31", "2026-08-31");
    // deprecated runtimes
    add("python3.9", "2025-12-15", "2027-02-01", "2027-03-03");
    add("nodejs18.x", "2025-09-01", "2026-02-03", "2026-03-09");
    add("dotnet6", "2024-12-20", "2026-02-03", "2026-03-09");
    add("python3.8", "2024-10-14", "2026-02-03", "2026-03-09");
    add("nodejs16.x", "2024-06-12", "2026-02-03", "2026-03-09");
    add("dotnet7", "2024-05-14", null, null);
    add("java8", "2024-01-08", "2024-02-08", "2026-03-09");
    add("go1.x", "2024-01-08", "2024-02-08", "2026-03-09");
    add("provided", "2024-01-08", "2024-02-08", "2026-03-09");
    add("ruby2.7", "2023-12-07", "2024-01-09", "2026-03-09");
    add("nodejs14.x", "2023-12-04", "2024-01-09", "2026-03-09");
    add("python3.7", "2023-12-04", "2024-01-09", "2026-03-09");
    add("dotnetcore3.1", "2023-04-03", "2023-04-03", "2023-05-03");
    add("nodejs12.x", "2023-03-31", "2023-03-31", "2023-04-30");
    add("python3.6", "2022-07-18", "2022-07-18", "2022-08-29");
    add("dotnet5.0", "2022-05-10", null, null);
    add("dotnetcore2.1", "2022-01-05", "2022-01-05", "2022-04-13");
    add("nodejs10.x", "2021-07-30", "2021-07-30", "2022-02-14");
    add("ruby2.5", "2021-07-30", "2021-07-30", "2022-03-31");
    add("python2.7", "2021-07-15", "2021-07-15", "2022-05-30");
    add("nodejs8.10", "2020-03-06", "2020-03-06", "2020-03-06");
    add("nodejs4.3", "2020-03-05", "2020-03-05", "2020-03-05");
    add("nodejs4.3-edge", "2020-03-05", "2019-04-30", "2019-04-30");
    add("nodejs6.10", "2019-08-12", "2019-08-12", "2019-08-12");
    add("dotnetcore1.0", "2019-06-27", "2019-07-30", "2019-07-30");
    add("dotnetcore2.0", "2019-05-30", "2019-05-30", "2019-05-30");
    add("nodejs", "2016-10-31", "2016-10-31", "2016-10-31");
  }

  private RuntimeLifecycle() {}

  private static void add(
      String id, String deprecated, @Nullable String blockCreate, @Nullable String blockUpdate) {
    TABLE.put(
        id,
        new Dates(
            id,
            LocalDate.parse(deprecated),
            blockCreate == null ? null : LocalDate.parse(blockCreate),
            blockUpdate == null ? null : LocalDate.parse(blockUpdate)));
  }

  /** The dates of a runtime identifier (case-insensitive, surrounding blanks ignored). */
  static Optional<Dates> of(String runtime) {
    return Optional.ofNullable(TABLE.get(runtime.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * Of several possible runtimes (an {@code Fn::If}), the one deprecated last: every alternative
   * is at least that old. Empty when any alternative is not in the table, or there is none.
   */
  static Optional<Dates> mildest(List<String> runtimes) {
    Optional<Dates> mildest = Optional.empty();
    for (String r : runtimes) {
      Optional<Dates> d = of(r);
      if (d.isEmpty()) {
        return Optional.empty();
      }
      if (mildest.isEmpty() || d.get().deprecated().isAfter(mildest.get().deprecated())) {
        mildest = d;
      }
    }
    return mildest;
  }

  /** Every runtime of the table. */
  static Map<String, Dates> all() {
    return Map.copyOf(TABLE);
  }
}
