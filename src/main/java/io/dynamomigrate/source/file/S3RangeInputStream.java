package io.dynamomigrate.source.file;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * The bytes of one S3 object, streamed with ranged GETs of at most {@link #RANGE} bytes
 * each, one after the other: nothing is copied to disk and no connection stays open for
 * the whole object. When a response breaks off, the next GET asks for the rest from the
 * first byte not yet read (up to {@link #ATTEMPTS} times in a row); the SDK retries a GET
 * that fails before its body. Not thread-safe.
 */
final class S3RangeInputStream extends InputStream {

	private static final Logger log = LoggerFactory.getLogger(S3RangeInputStream.class);

	/** The bytes one GET asks for: 8 MiB. */
	static final long RANGE = 8L << 20;

	private static final int ATTEMPTS = 5;

	private final S3Client client;

	private final String bucket;

	private final String key;

	private final long size;

	/** The offset of the next byte to return. */
	private long position;

	/** The end (exclusive) of the range of the open response. */
	private long rangeEnd;

	private @Nullable ResponseInputStream<GetObjectResponse> response;

	S3RangeInputStream(S3Client client, String bucket, String key, long size) {
		this.client = client;
		this.bucket = bucket;
		this.key = key;
		this.size = size;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		for (int failures = 0;;) {
			if (position >= size) {
				return -1;
			}
			try {
				ResponseInputStream<GetObjectResponse> current = response;
				if (current == null || position >= rangeEnd) {
					current = next();
				}
				int n = current.read(buffer, offset, (int) Math.min(length, rangeEnd - position));
				if (n > 0) {
					position += n;
					return n;
				}
				throw new IOException("the response ended at byte " + position + " before byte " + rangeEnd);
			}
			catch (IOException | SdkException ex) {
				closeResponse();
				if (++failures >= ATTEMPTS) {
					throw new IOException(
							"cannot read s3://" + bucket + "/" + key + " at byte " + position + ": " + ex.getMessage(),
							ex);
				}
				log.debug("Reading s3://{}/{} again from byte {} [error={}]", bucket, key, position, ex.getMessage());
			}
		}
	}

	private ResponseInputStream<GetObjectResponse> next() {
		closeResponse();
		rangeEnd = Math.min(size, position + RANGE);
		ResponseInputStream<GetObjectResponse> opened = client
			.getObject((r) -> r.bucket(bucket).key(key).range("bytes=" + position + "-" + (rangeEnd - 1)));
		response = opened;
		return opened;
	}

	private void closeResponse() {
		if (response != null) {
			if (position < rangeEnd) {
				response.abort(); // the rest of the range is not wanted: do not drain it
			}
			try {
				response.close();
			}
			catch (IOException ex) {
				log.debug("Cannot close a response for s3://{}/{}: {}", bucket, key, ex.getMessage());
			}
			response = null;
		}
	}

	@Override
	public void close() {
		closeResponse();
	}

}
