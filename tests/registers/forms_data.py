"""What a browser sends back for the organisation registers' forms."""


def date_data(name, value):
    """A GOV.UK date input's three boxes for `value` (empty boxes for None)."""
    if value is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": value.day, f"{name}_1": value.month, f"{name}_2": value.year}


def form_data(response):
    """The data a browser would send back for the form as rendered (its current values)."""
    form = response.context["form"]
    data = {}
    for field in form:
        value = field.value()
        if field.widget_type == "govukdate":
            data.update(date_data(field.html_name, value))
        elif field.widget_type == "checkbox":
            if value:
                data[field.html_name] = "on"
        elif value is not None:
            data[field.html_name] = value
    return data
