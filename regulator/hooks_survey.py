"""Admin wiring of the survey (URLs, menu items, panels); imported by wagtail_hooks."""
