package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Decodes bytes strictly ({@link CodingErrorAction#REPORT}) but keeps going: every
 * malformed byte sequence becomes U+FFFD and the line it is on is remembered, so a cursor
 * can reject exactly the records on those lines and read the rest of the file. A leading
 * byte order mark (U+FEFF) is skipped. Streams with fixed 64 KiB buffers. Not
 * thread-safe.
 */
final class DecodingReader extends Reader {

	private static final int BUFFER = 1 << 16;

	private final InputStream in;

	private final CharsetDecoder decoder;

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();

	private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();

	private final NavigableSet<Long> malformedLines = new TreeSet<>();

	/** The line of the next character decoded (1-based). */
	private long decodedLine = 1;

	private boolean endOfInput;

	private boolean started;

	DecodingReader(InputStream in, Charset charset) {
		this.in = in;
		this.decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!chars.hasRemaining()) {
			if (!fill()) {
				return -1;
			}
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		return n;
	}

	/**
	 * Whether any line from {@code first} to {@code last} (inclusive) had bytes that are
	 * not valid in the encoding. Forgets the lines before {@code first}: records are
	 * checked in order.
	 */
	boolean malformed(long first, long last) {
		malformedLines.headSet(first, false).clear();
		return !malformedLines.subSet(first, true, last, true).isEmpty();
	}

	private boolean fill() throws IOException {
		if (endOfInput && !bytes.hasRemaining() && !chars.hasRemaining()) {
			return false;
		}
		chars.compact();
		int start = chars.position();
		int counted = start;
		while (chars.position() == start) {
			CoderResult result = decoder.decode(bytes, chars, endOfInput);
			if (result.isError()) {
				counted = countLines(counted);
				malformedLines.add(decodedLine);
				bytes.position(bytes.position() + result.length());
				chars.put('\uFFFD');
			}
			else if (result.isOverflow()) {
				break;
			}
			else if (endOfInput) {
				decoder.flush(chars);
				break;
			}
			else {
				bytes.compact();
				int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
				if (n < 0) {
					endOfInput = true;
				}
				else {
					bytes.position(bytes.position() + n);
				}
				bytes.flip();
			}
		}
		countLines(counted);
		chars.flip();
		if (!started && chars.hasRemaining()) {
			started = true;
			if (chars.get(chars.position()) == '\uFEFF') {
				chars.get();
			}
		}
		return chars.hasRemaining() || !endOfInput;
	}

	private int countLines(int from) {
		char[] array = chars.array();
		for (int i = from; i < chars.position(); i++) {
			if (array[i] == '\n') {
				decodedLine++;
			}
		}
		return chars.position();
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
