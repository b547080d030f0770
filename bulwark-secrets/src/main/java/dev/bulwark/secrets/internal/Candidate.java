package dev.bulwark.secrets.internal;

import dev.bulwark.core.Finding;
import dev.bulwark.secrets.SecretKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A finding with the byte range it claims in its text, so that when two detectors report the same
 * bytes (an {@code api_key = "ghp_…"} is both a generic secret and a GitHub token) only the more
 * specific one is kept.
 */
record Candidate(SecretKind kind, long claimFrom, long claimTo, long alsoFrom, long alsoTo,
    int priority, Finding finding) {

  static int priority(SecretKind kind) {
    switch (kind) {
      case AWS_ACCESS_KEY_PAIR:
        return 100;
      case PRIVATE_KEY:
      case GOOGLE_SERVICE_ACCOUNT_KEY:
        return 90;
      case GENERIC_SECRET:
      case BEARER_TOKEN:
        return 10;
      case JWT:
        return 40;
      case URL_CREDENTIALS:
      case CONNECTION_STRING_PASSWORD:
      case BASIC_AUTH_CREDENTIALS:
        return 50;
      case AWS_SECRET_ACCESS_KEY:
      case AZURE_STORAGE_KEY:
      case TWILIO_CREDENTIALS:
        return 70;
      default:
        return 80;
    }
  }

  /**
   * Keeps, of every group of overlapping candidates, those not overlapped by a stronger one, and
   * drops exact repeats (same rule, line and value). Returns findings in text order.
   */
  static List<Finding> resolve(List<Candidate> all) {
    List<Candidate> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingLong(Candidate::claimFrom));
    List<Finding> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      Candidate c = sorted.get(i);
      if (beaten(c, sorted, i)) {
        continue;
      }
      String id = c.finding.ruleId() + '\u0000' + c.finding.location().startLine() + '\u0000'
          + c.finding.key();
      if (seen.add(id)) {
        out.add(c.finding);
      }
    }
    return out;
  }

  private static boolean beaten(Candidate c, List<Candidate> sorted, int index) {
    for (Candidate o : sorted) {
      if (o != c && o.overlaps(c) && o.stronger(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any claimed range of this overlaps any of {@code other}'s. */
  private boolean overlaps(Candidate other) {
    return overlap(claimFrom, claimTo, other.claimFrom, other.claimTo)
        || overlap(alsoFrom, alsoTo, other.claimFrom, other.claimTo)
        || overlap(claimFrom, claimTo, other.alsoFrom, other.alsoTo)
        || overlap(alsoFrom, alsoTo, other.alsoFrom, other.alsoTo);
  }

  private static boolean overlap(long a, long b, long c, long d) {
    return a < b && c < d && a < d && c < b;
  }

  private boolean stronger(Candidate other) {
    if (priority != other.priority) {
      return priority > other.priority;
    }
    long mine = claimTo - claimFrom;
    long theirs = other.claimTo - other.claimFrom;
    return mine > theirs || (mine == theirs && claimFrom < other.claimFrom);
  }
}
