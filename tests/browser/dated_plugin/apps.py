from django.apps import AppConfig


class DatedPluginConfig(AppConfig):
    name = "tests.browser.dated_plugin"
    label = "browser_dated_plugin"
