#!/usr/bin/env python3
"""The peer a user would write instead of dynamo-migrate: psycopg2 + boto3's batch_writer.

Reads the same plays rows in key order with a server-side cursor and puts the same items (same attribute
names and types as bench/plays.yml) with Table.batch_writer(), which sends BatchWriteItem requests of 25
and resends unprocessed items. Usage: peer_boto3.py ENDPOINT_URL TABLE DSN
"""
import sys
import time
from decimal import Decimal

import boto3
import psycopg2


def main():
    endpoint, table_name, dsn = sys.argv[1], sys.argv[2], sys.argv[3]
    dynamodb = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id="local", aws_secret_access_key="local")
    table = dynamodb.Table(table_name)
    connection = psycopg2.connect(dsn)
    cursor = connection.cursor(name="plays")  # server-side: rows stream, memory stays flat
    cursor.itersize = 5000
    cursor.execute("SELECT play_id, user_id, track_id, played_at, ms_played, device, completed "
                   "FROM plays ORDER BY play_id")
    started = time.monotonic()
    count = 0
    with table.batch_writer() as batch:
        for play_id, user_id, track_id, played_at, ms_played, device, completed in cursor:
            item = {
                "pk": f"USER#{user_id}",
                "sk": f"PLAY#{play_id}",
                "trackId": Decimal(track_id),
                "playedAt": played_at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{played_at.microsecond // 1000:03d}Z",
                "msPlayed": Decimal(ms_played),
                "completed": bool(completed),
            }
            if device is not None:
                item["device"] = device
            batch.put_item(Item=item)
            count += 1
    seconds = time.monotonic() - started
    print(f"boto3 batch_writer: {count} items in {seconds:.1f} s, {count / seconds:.0f} items/s")


if __name__ == "__main__":
    main()
