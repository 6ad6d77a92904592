package dev.statsigjdbc.emulator.faults;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response whose text goes out as UTF-8 except where {@link DamagedResults#INVALID_UTF8_MARKER}
 * was written: there the bytes are ones no UTF-8 decoder accepts. The MCP transport writes
 * through {@link #getWriter()}, so the writer is built on the byte stream.
 */
final class InvalidUtf8Response extends HttpServletResponseWrapper {
  private final ReplacingStream bytes;
  private PrintWriter writer;

  InvalidUtf8Response(HttpServletResponse response) throws IOException {
    super(response);
    this.bytes = new ReplacingStream(response.getOutputStream());
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return bytes;
  }

  @Override
  public PrintWriter getWriter() {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
    }
    return writer;
  }

  @Override
  public void flushBuffer() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    super.flushBuffer();
  }

  /** Replaces the marker's bytes; holds back a tail that may be the start of a marker until more bytes or a flush come. */
  private static final class ReplacingStream extends ServletOutputStream {
    private final ServletOutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    ReplacingStream(ServletOutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      pending.write(b);
      drain(false);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      pending.write(b, off, len);
      drain(false);
    }

    @Override
    public void flush() throws IOException {
      drain(true);
      out.flush();
    }

    @Override
    public void close() throws IOException {
      drain(true);
      out.close();
    }

    private void drain(boolean all) throws IOException {
      byte[] buffered = pending.toByteArray();
      pending.reset();
      byte[] marker = DamagedResults.MARKER_BYTES;
      int i = 0;
      int start = 0;
      while (i < buffered.length) {
        int match = 0;
        while (match < marker.length && i + match < buffered.length && buffered[i + match] == marker[match]) {
          match++;
        }
        if (match == marker.length) {
          out.write(buffered, start, i - start);
          out.write(DamagedResults.INVALID_BYTES);
          i += marker.length;
          start = i;
        } else if (match > 0 && i + match == buffered.length && !all) {
          break; // maybe a marker cut in two: wait for the rest
        } else {
          i++;
        }
      }
      out.write(buffered, start, i - start);
      pending.write(buffered, i, buffered.length - i);
    }

    @Override
    public boolean isReady() {
      return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      out.setWriteListener(listener);
    }
  }
}
