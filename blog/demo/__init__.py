"""Demo content for `manage.py load_demo_content`: posts as data modules and their loader."""
