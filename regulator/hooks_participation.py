"""Admin wiring of the participation (URLs, menu items, panels); imported by wagtail_hooks."""
