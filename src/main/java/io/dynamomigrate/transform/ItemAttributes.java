package io.dynamomigrate.transform;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes (or the key) of an item as {@link ItemMapper} built them: a read-only
 * view of a map that nothing else holds, in the order the attributes were made, which
 * {@link MappedItem} keeps as it is instead of copying it ({@code Map.copyOf} hashes
 * every name again, and its maps iterate through a new entry object per attribute: once
 * per item mapped, and again for every request body written and key compared).
 * {@link #forEach} walks the map itself, without an entry object per attribute.
 * Immutable.
 */
final class ItemAttributes extends AbstractMap<String, AttributeValue> {

	private final Map<String, AttributeValue> attributes;

	private final Map<String, AttributeValue> view;

	/**
	 * @param attributes a map without null names or values that the caller hands over: it
	 * is kept, not copied, and must not change afterwards
	 */
	ItemAttributes(Map<String, AttributeValue> attributes) {
		this.attributes = attributes;
		this.view = Collections.unmodifiableMap(attributes);
	}

	/**
	 * The map as {@link MappedItem} holds it: an immutable copy unless it is one already.
	 */
	static Map<String, AttributeValue> immutable(Map<String, AttributeValue> map) {
		return map instanceof ItemAttributes ? map : Map.copyOf(map);
	}

	@Override
	public @Nullable AttributeValue get(Object name) {
		return attributes.get(name);
	}

	@Override
	public boolean containsKey(Object name) {
		return attributes.containsKey(name);
	}

	@Override
	public int size() {
		return attributes.size();
	}

	@Override
	public boolean isEmpty() {
		return attributes.isEmpty();
	}

	@Override
	public Set<Map.Entry<String, AttributeValue>> entrySet() {
		return view.entrySet();
	}

	@Override
	public Set<String> keySet() {
		return view.keySet();
	}

	@Override
	public Collection<AttributeValue> values() {
		return view.values();
	}

	@Override
	public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
		attributes.forEach(action);
	}

	@Override
	public boolean equals(Object other) {
		return other == this || attributes.equals(other);
	}

	@Override
	public int hashCode() {
		return attributes.hashCode();
	}

	@Override
	public String toString() {
		return attributes.toString();
	}

}
