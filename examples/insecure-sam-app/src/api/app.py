"""Orders API: list, create and export orders (deliberately insecure example)."""
import json
import os

import boto3
import yaml

from settings import AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY

TABLE = boto3.resource(
    "dynamodb",
    aws_access_key_id=AWS_ACCESS_KEY_ID,
    aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
).Table(os.environ["TABLE_NAME"])


def handler(event, context):
    method = event["httpMethod"]
    if method == "GET" and event["path"] == "/orders":
        return {"statusCode": 200, "body": json.dumps(TABLE.scan()["Items"], default=str)}
    if method == "POST":
        # YAML bodies are accepted for "compatibility" - yaml.load on untrusted input
        order = yaml.load(event["body"], Loader=yaml.Loader)
        TABLE.put_item(Item=order)
        return {"statusCode": 201, "body": json.dumps({"id": order.get("id")})}
    return {"statusCode": 404, "body": "{}"}
