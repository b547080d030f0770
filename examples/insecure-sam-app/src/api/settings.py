# Credentials for local testing that were committed by mistake.
AWS_ACCESS_KEY_ID = "AKIAQX3R7L2NWPZK4JHT"
AWS_SECRET_ACCESS_KEY = "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"
