"""gunicorn's settings for ``make serve``: the site in production mode on one machine.

Environment: ``HOST`` and ``PORT`` (127.0.0.1:8000), ``WEB_CONCURRENCY`` (the
number of workers; by default two per CPU plus one, at most 8).
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# Each worker holds Django, Wagtail and the open search index (about 150 MB): past 8, a
# small partner's machine swaps before it serves faster.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(multiprocessing.cpu_count() * 2 + 1, 8))
# Reading an uploaded file's text has its own budget (20 s); a request still running at 60 s is stuck.
timeout = 60
graceful_timeout = 30
keepalive = 5
# A worker is replaced after about 2,000 requests: a slow leak never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# One line per request on stdout, with the time it took in milliseconds; never cookies or headers
# that identify someone.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
# Only the proxy on this machine may say a request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
