package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.RestStatus;

/**
 * The answer to {@code POST /api/v3/brokerage/orders}: {@code success, failure_reason, order_id,
 * success_response{order_id, product_id, side, client_order_id}, error_response{error, message,
 * error_details, preview_failure_reason, new_order_failure_reason}}. Fields absent from the answer are null.
 */
public record CreateOrderResult(
    RestStatus status,
    boolean success,
    String orderId,
    String clientOrderId,
    String failureReason,
    String error,
    String errorMessage,
    String errorDetails,
    String previewFailureReason,
    String newOrderFailureReason)
{
    /** The most specific reason the venue gave for a refusal, or the transport's story. */
    public String reason()
    {
        for (final String candidate : new String[] {newOrderFailureReason, previewFailureReason, error, failureReason,
            errorMessage, status.message()})
        {
            if (candidate != null && !candidate.isEmpty() && !candidate.startsWith("UNKNOWN_FAILURE_REASON"))
            {
                return candidate;
            }
        }
        return status.outcome().label();
    }
}
