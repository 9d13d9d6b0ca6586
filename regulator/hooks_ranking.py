"""Admin wiring of the ranking (URLs, menu items, panels); imported by wagtail_hooks."""
