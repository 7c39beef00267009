from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_details(context, programme):
    """The section of `programme`'s page that its type's plugin renders; nothing while
    the plugin is turned off or has no template."""
    plugin = programme.plugin
    if plugin is None or not plugin.template:
        return ""
    details = plugin.to_python(programme.details)
    section = context.template.engine.get_template(plugin.template)
    return section.render(context.new(plugin.get_context(programme, details)))
