"""Orders API: list, create and export orders."""
import json
import os

import boto3
import yaml

# credentials come from the function's execution role, never from the code
TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def handler(event, context):
    method = event["httpMethod"]
    if method == "GET" and event["path"] == "/orders":
        return {"statusCode": 200, "body": json.dumps(TABLE.scan()["Items"], default=str)}
    if method == "POST":
        # YAML bodies are parsed with the safe loader only
        order = yaml.safe_load(event["body"])
        TABLE.put_item(Item=order)
        return {"statusCode": 201, "body": json.dumps({"id": order.get("id")})}
    return {"statusCode": 404, "body": "{}"}
