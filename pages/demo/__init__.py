"""Demo content of the platform: fictional enterprises, articles, notices and accounts.

``python manage.py seed_demo`` loads it (``pages/management/commands/seed_demo.py``).
Everything is generated here, deterministically, from bilingual corpora: no
downloaded text, images or documents, and no real company. Each piece of prose
is written as a (Chinese, English) pair, so the English translation of an item
is assembled from the same choices as its Chinese source and can be handed to
wagtail-localize segment by segment.

Modules:

- ``text``: bilingual phrases, the article body builder, shared sentence pools;
- ``reference``: technical fields, enterprises, partners, awards, sources;
- ``corpus``: topics (what each group works on) and the templates of the five streams;
- ``plan``: which item goes where, when, in which state (seeded, stable keys);
- ``images``, ``documents``: covers, logos, notice attachments made locally;
- ``accounts``: demo users, put into the groups that provisioning creates;
- ``loader``: writes all of it to the database, idempotently.
"""
