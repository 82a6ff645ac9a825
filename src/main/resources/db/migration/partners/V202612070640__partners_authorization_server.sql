-- Spring Authorization Server's own tables (its schema files, adapted to PostgreSQL as they
-- say: blob -> text, timestamp -> timestamptz). Client secrets are stored hashed ({bcrypt}).
CREATE TABLE oauth2_registered_client (
    id varchar(100) NOT NULL PRIMARY KEY,
    client_id varchar(100) NOT NULL UNIQUE,
    client_id_issued_at timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,
    client_secret varchar(200) DEFAULT NULL,
    client_secret_expires_at timestamptz DEFAULT NULL,
    client_name varchar(200) NOT NULL,
    client_authentication_methods varchar(1000) NOT NULL,
    authorization_grant_types varchar(1000) NOT NULL,
    redirect_uris varchar(1000) DEFAULT NULL,
    post_logout_redirect_uris varchar(1000) DEFAULT NULL,
    scopes varchar(1000) NOT NULL,
    client_settings varchar(2000) NOT NULL,
    token_settings varchar(2000) NOT NULL
);

CREATE TABLE oauth2_authorization (
    id varchar(100) NOT NULL PRIMARY KEY,
    registered_client_id varchar(100) NOT NULL,
    principal_name varchar(200) NOT NULL,
    authorization_grant_type varchar(100) NOT NULL,
    authorized_scopes varchar(1000) DEFAULT NULL,
    attributes text DEFAULT NULL,
    state varchar(500) DEFAULT NULL,
    authorization_code_value text DEFAULT NULL,
    authorization_code_issued_at timestamptz DEFAULT NULL,
    authorization_code_expires_at timestamptz DEFAULT NULL,
    authorization_code_metadata text DEFAULT NULL,
    access_token_value text DEFAULT NULL,
    access_token_issued_at timestamptz DEFAULT NULL,
    access_token_expires_at timestamptz DEFAULT NULL,
    access_token_metadata text DEFAULT NULL,
    access_token_type varchar(100) DEFAULT NULL,
    access_token_scopes varchar(1000) DEFAULT NULL,
    oidc_id_token_value text DEFAULT NULL,
    oidc_id_token_issued_at timestamptz DEFAULT NULL,
    oidc_id_token_expires_at timestamptz DEFAULT NULL,
    oidc_id_token_metadata text DEFAULT NULL,
    refresh_token_value text DEFAULT NULL,
    refresh_token_issued_at timestamptz DEFAULT NULL,
    refresh_token_expires_at timestamptz DEFAULT NULL,
    refresh_token_metadata text DEFAULT NULL,
    user_code_value text DEFAULT NULL,
    user_code_issued_at timestamptz DEFAULT NULL,
    user_code_expires_at timestamptz DEFAULT NULL,
    user_code_metadata text DEFAULT NULL,
    device_code_value text DEFAULT NULL,
    device_code_issued_at timestamptz DEFAULT NULL,
    device_code_expires_at timestamptz DEFAULT NULL,
    device_code_metadata text DEFAULT NULL
);

-- Who a client is to OneVisit: a partner organisation (bank, agency, notary, courier) or a
-- department system, and whether it is suspended. A suspended client gets no token and the
-- tokens it holds are refused.
CREATE TABLE partners_partner (
    client_id varchar(100) PRIMARY KEY REFERENCES oauth2_registered_client (client_id),
    name varchar(200) NOT NULL,
    kind varchar(20) NOT NULL CHECK (kind IN ('BANK', 'AGENCY', 'NOTARY', 'COURIER', 'DEPARTMENT_SYSTEM')),
    suspended boolean NOT NULL DEFAULT false,
    registered_at timestamptz NOT NULL,
    registered_by varchar(100) NOT NULL,
    secret_rotated_at timestamptz
);

-- The ES256 keys the authorization server signs its JWTs with; the private key wrapped under
-- the key-encryption key (signing.KeyEncryptionKey), the newest one signs (ADR 0013).
CREATE TABLE partners_token_key (
    kid varchar(64) PRIMARY KEY,
    public_key bytea NOT NULL,
    wrapped_private_key bytea NOT NULL,
    created_at timestamptz NOT NULL
);
