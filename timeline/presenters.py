def timeline_context(page, request):
    return {}
