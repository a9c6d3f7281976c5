"""The endpoint Stripe sends its webhook events to.

Only a request whose `Stripe-Signature` proves it came from Stripe within the tolerance is read;
anything else gets 400. A verified event is applied once (see
`marketplace.payments.services.handle_stripe_event`) and acknowledged with 200, also when it was
seen before or is of no interest; an error on our side gives 500, so that Stripe tries again.
Neither the body nor any card detail is ever logged.
"""

import logging

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.payments import services
from marketplace.payments.stripe.events import InvalidWebhook, verify_event

logger = logging.getLogger(__name__)

# Stripe's events are a few kilobytes; anything much larger is not one.
MAX_BODY = 512 * 1024


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Receive one Stripe event: verify, apply once, acknowledge."""
    if not services.stripe_available():
        return HttpResponse(status=404)
    if int(request.headers.get("Content-Length") or 0) > MAX_BODY:
        return HttpResponse("Payload too large.", status=413)
    try:
        event = verify_event(request.body, request.headers.get("Stripe-Signature"))
    except InvalidWebhook as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("Invalid signature.")
    applied = services.handle_stripe_event(event)
    return JsonResponse({"received": True, "applied": applied})
