"""Default configuration. Every value can be overridden by a `TUTOR_`-prefixed environment
variable (parsed as JSON where it parses, so `TUTOR_ANSWER_THRESHOLD=0.8` is a number) or by
the mapping passed to `create_app`."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# Where the knowledge base's YAML files live. The Dockerfile copies them next to the code.
KNOWLEDGE_DIR = str(REPO_ROOT / "knowledge")

# Request bodies larger than this are refused with 413 before they are parsed.
MAX_CONTENT_LENGTH = 64 * 1024

# How many reverse proxies in front of the service may be trusted to set X-Forwarded-For /
# -Proto / -Host (docker-compose.yml's nginx: 1). 0 trusts none.
PROXY_COUNT = 0

# Longest chat message accepted, in characters.
MAX_MESSAGE_LENGTH = 2000

# Matcher confidence (0..1): at or above ANSWER_THRESHOLD the tutor answers, between the two it
# asks "did you mean ...?", below SUGGEST_THRESHOLD it falls back.
ANSWER_THRESHOLD = 0.61
SUGGEST_THRESHOLD = 0.48
# When the two best entries score within this margin of each other, offer both.
AMBIGUITY_MARGIN = 0.02

# Who a student should ask when the tutor does not know.
HUMAN_POINTER = "ask on the course forum or in a TA's office hours"

# Conversation state lives in this SQLite file, shared by every gunicorn worker; a relative
# path is taken inside the Flask instance folder.
SESSION_DB = "sessions.sqlite3"
# A session forgets its context after this many seconds without a message.
SESSION_TTL_SECONDS = 6 * 3600
# Replicas that share no disk keep conversations, Slack's seen event ids and the practice-id key
# in Redis instead of the SESSION_DB file: a URL such as "redis://redis:6379/0" (TUTOR_REDIS_URL).
# Unset, the SQLite file above is used (nothing else needs to run). Every key starts with
# REDIS_KEY_PREFIX, so that several deployments can share one Redis.
REDIS_URL = None
REDIS_KEY_PREFIX = "tutor:"

# Signs practice-question ids (TUTOR_SECRET_KEY). Unset, a random key is created once in a
# `secret_key` file next to SESSION_DB and shared by every worker
# (see service/operations/secret_key.py).
SECRET_KEY = None
# A practice question's id is accepted for this many seconds after it was asked.
PRACTICE_TTL_SECONDS = 24 * 3600

# Students' thumbs up / down on answers, in a SQLite file; a relative path is taken in the
# directory of SESSION_DB (the instance folder when sessions are kept in memory).
FEEDBACK_DB = "feedback.sqlite3"
# Records (unanswered questions, ratings, hit counts; service/operations/records.py) go to the
# FEEDBACK_DB file unless this SQLAlchemy URL says otherwise, e.g. "postgresql+psycopg://tutor@db/tutor".
DATABASE_URL = None
# Unanswered questions and ratings older than this many days are deleted by `tutor prune` (run it
# daily from cron or a scheduled job); the default keeps a teaching year. Hit counts are kept.
RECORDS_RETENTION_DAYS = 365
# How often each worker adds the answers it counted to the hit counts (seconds). Counting in
# memory keeps a database write off every answer; a worker killed outright (SIGKILL, out of
# memory) loses at most this long of its counts, a worker stopped or recycled loses none.
# 0 writes every hit as it happens. Unanswered questions are always written before the reply.
HITS_FLUSH_SECONDS = 5.0
# How often each worker writes the replies per day and kind it counted, for the dashboard
# (seconds; also written when the dashboard reads them and when the worker exits).
DAILY_FLUSH_SECONDS = 5.0
# Bearer token for /admin/*; unset, the admin routes do not exist (404).
ADMIN_TOKEN = None
# How long a dashboard sign-in lasts (seconds). Behind HTTPS also set SESSION_COOKIE_SECURE.
ADMIN_SESSION_SECONDS = 8 * 3600
SESSION_COOKIE_SECURE = False
# Set by service/gunicorn_conf.py (TUTOR_KEEP_LAST_GOOD_KB, TUTOR_RELOAD_SIGNALS_MASTER): a worker
# that finds knowledge/ broken serves the last good copy, and POST /admin/reload has the master
# replace every worker (SIGHUP). See service/operations/reload.py.
KEEP_LAST_GOOD_KB = False
RELOAD_SIGNALS_MASTER = False

# Web pages allowed to embed the chat widget and call /chat and /feedback from the browser:
# origins such as "https://course.example.edu", comma-separated (or a list), "*" for any.
# The service's own pages (/demo) are always allowed; requests without an Origin header
# (scripts, curl, Slack) are not affected.
ALLOWED_ORIGINS = ""

# OpenAPI and the docs page (served from local files, never from a CDN).
API_TITLE = "DL Tutor"
API_VERSION = "1"
OPENAPI_VERSION = "3.0.3"
OPENAPI_URL_PREFIX = "/"
OPENAPI_JSON_PATH = "openapi.json"
OPENAPI_SWAGGER_UI_PATH = "docs"
OPENAPI_SWAGGER_UI_URL = "/docs/assets/"

# flask-smorest and Flask: keep JSON key order as written, it reads better in a terminal.
JSON_SORT_KEYS = False

# Slack: the signing secret and bot token are read from SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN
# (the names Slack's tools use) unless set here or as TUTOR_SLACK_*. Without a signing secret
# the /slack routes do not exist. The Web API's base URL is configurable for tests' stand-in.
SLACK_SIGNING_SECRET = None
SLACK_BOT_TOKEN = None
SLACK_API_URL = "https://slack.com/api/"

# Requests per client (remote address) on POST /chat and POST /calc/*, together, in
# Flask-Limiter's notation ("60 per minute;1000 per hour"); "" turns limits off (an evaluation
# run). Counted in memory per worker unless RATELIMIT_STORAGE_URI names a shared store such
# as "redis://127.0.0.1:6379/0" (every worker and replica then shares one count).
RATE_LIMITS = "120 per minute"
RATELIMIT_STORAGE_URI = "memory://"

# Log lines as JSON objects with a request id (service/operations/observability.py); False keeps
# Python's plain lines.
JSON_LOGS = True
