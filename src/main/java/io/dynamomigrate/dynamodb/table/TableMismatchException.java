package io.dynamomigrate.dynamodb.table;

/** An existing target table does not have the key schema the mapping declares. */
public class TableMismatchException extends RuntimeException {

	public TableMismatchException(String message) {
		super(message);
	}

}
