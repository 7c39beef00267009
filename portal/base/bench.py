"""The baseline of `make bench`: a view that does nothing, through the whole stack.

Pages are measured against it, so their figures say what rendering them costs on top of
the middleware, the WSGI server and the machine. Served only with BENCH_BASELINE=true.
"""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


# Never from the page cache: the baseline is the stack plus the cheapest possible view.
@never_cache
def baseline(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
