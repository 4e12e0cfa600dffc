package io.dynamomigrate.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

import static org.awaitility.Awaitility.await;

/**
 * A real S3-protocol server for tests: s3proxy with jclouds' in-memory
 * ({@code transient}) backend, on 127.0.0.1 and a free port, in this JVM. It records
 * every object GET it serves (key, Range header, bytes in the response), so a test can
 * count ranged GETs and bytes served. Without credentials it accepts any request; with
 * them it checks AWS signatures (a wrong key gets 403). Thread-safe.
 */
public final class S3Server implements AutoCloseable {

	/**
	 * One GET of an object: its key, the ranges asked for ("" for the whole object) and
	 * the bytes served.
	 */
	public record Get(String key, String range, long bytes) {
	}

	private final S3Proxy proxy;

	private final BlobStore store;

	private final List<Get> gets = new CopyOnWriteArrayList<>();

	private S3Server(String identity, String credential) throws Exception {
		BlobStore memory = ContextBuilder.newBuilder("transient")
			.credentials("identity", "credential")
			.build(BlobStoreContext.class)
			.getBlobStore();
		this.store = memory;
		S3Proxy.Builder builder = S3Proxy.builder()
			.blobStore(new CountingBlobStore(memory, gets))
			.endpoint(URI.create("http://127.0.0.1:0"));
		if (identity != null) {
			builder.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, credential);
		}
		this.proxy = builder.build();
		proxy.start();
		await().atMost(Duration.ofSeconds(30))
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(5))
			.until(() -> "STARTED".equals(proxy.getState()));
	}

	/** A server that accepts any request. */
	public static S3Server start() throws Exception {
		return new S3Server(null, null);
	}

	/** A server that accepts only requests signed with these credentials. */
	public static S3Server startWithCredentials(String identity, String credential) throws Exception {
		return new S3Server(identity, credential);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + proxy.getPort());
	}

	/** Stores an object (creating the bucket), straight into the backend. */
	public void put(String bucket, String key, byte[] content) {
		store.createContainerInLocation(null, bucket);
		store.putBlob(bucket, store.blobBuilder(key).payload(content).contentLength(content.length).build());
	}

	public void createBucket(String bucket) {
		store.createContainerInLocation(null, bucket);
	}

	/** The object GETs served so far, in order. */
	public List<Get> gets() {
		return List.copyOf(gets);
	}

	public void clearGets() {
		gets.clear();
	}

	@Override
	public void close() throws Exception {
		proxy.stop();
	}

	private static final class CountingBlobStore extends ForwardingBlobStore {

		private final List<Get> gets;

		CountingBlobStore(BlobStore delegate, List<Get> gets) {
			super(delegate);
			this.gets = gets;
		}

		@Override
		public Blob getBlob(String container, String name, GetOptions options) {
			Blob blob = super.getBlob(container, name, options);
			if (blob != null) {
				Long length = blob.getMetadata().getContentMetadata().getContentLength();
				gets.add(new Get(name, String.join(",", options.getRanges()), length == null ? -1 : length));
			}
			return blob;
		}

	}

}
