package dev.bulwark.deps.internal.osv;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A response body written to a file while its SHA-256 is computed, cut off (and failed) past a
 * size limit.
 */
final class FileDownload implements HttpResponse.BodySubscriber<FileDownload.Written> {

  /** What was written. */
  record Written(long bytes, String sha256) {}

  private final CompletableFuture<Written> result = new CompletableFuture<>();
  private final Path file;
  private final long maxBytes;
  private final MessageDigest md = CacheState.newDigest();
  private @Nullable FileChannel channel;
  private Flow.@Nullable Subscription subscription;
  private long bytes;

  FileDownload(Path file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<Written> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      s.request(1);
    } catch (IOException e) {
      s.cancel();
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    try {
      for (ByteBuffer b : buffers) {
        bytes += b.remaining();
        if (bytes > maxBytes) {
          throw new OsvLoader.LimitExceeded("the download is larger than the limit of "
              + maxBytes + " bytes");
        }
        md.update(b.duplicate());
        while (b.hasRemaining()) {
          channel.write(b);
        }
      }
      subscription.request(1);
    } catch (IOException e) {
      subscription.cancel();
      close();
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable t) {
    close();
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    try {
      channel.force(false);
      channel.close();
      result.complete(new Written(bytes, HexFormat.of().formatHex(md.digest())));
    } catch (IOException e) {
      result.completeExceptionally(e);
    }
  }

  private void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the download failed already; the temporary file is deleted by the caller
    }
  }
}
