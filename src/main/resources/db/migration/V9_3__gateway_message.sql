-- Message ids of the signed requests outside gateways sent (security/GatewaySignatureFilter): a replayed id is
-- refused with 409. Rows older than the signature window are removed, since a request that old is refused anyway.
CREATE TABLE gateway_message (
    message_key VARCHAR(200) NOT NULL PRIMARY KEY,
    received_at TIMESTAMP NOT NULL
);
CREATE INDEX gateway_message_received ON gateway_message (received_at);
