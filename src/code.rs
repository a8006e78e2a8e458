use crate::error::Error;

/// One declaration per built-in code: every wire fact of a code comes from this table, and the
/// enum, [`ErrorCode::ALL`], `TryFrom<u32>`, [`ErrorCode::reason`] and the HTTP status and
/// `google.rpc.Code` of each are generated from it.
macro_rules! codes {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $number:literal, $status:literal, $reason:literal, $canonical:ident;
    )*) => {
        /// The 36 error codes of the Baidu-style open API, each named for what went wrong.
        ///
        /// The discriminant is the number the API returns. Lookup goes by message id
        /// (`error-<code>`), not by this enum: codes an app adds to its `.ftl` files are served
        /// by [`message`](crate::message) without a variant here.
        ///
        /// Each code's wire facts are declared once: its HTTP status by default, its AIP-193
        /// `reason` (an explicit string, stable across renames of the variant) and its
        /// `google.rpc.Code` (google/rpc/code.proto), which also fixes the HTTP status a Google
        /// body states. Why each:
        ///
        /// | code | status | `google.rpc.Code` | why |
        /// |---|---|---|---|
        /// | 0 | 200 | `OK` | success |
        /// | 1 | 500 | `UNKNOWN` | code.proto: "errors raised by APIs that do not return enough error information" |
        /// | 2 | 503 | `UNAVAILABLE` | temporary; code.proto: "most likely a transient condition ... corrected by retrying" |
        /// | 3 | 404 | `NOT_FOUND` | no such method (route): the entity requested is not found; the wrong-method fallback sends 405 with it |
        /// | 4, 802 | 429 | `RESOURCE_EXHAUSTED` | code.proto: "some resource has been exhausted, perhaps a per-user quota" |
        /// | 5, 6, 7, 210, 211, 212 | 403 | `PERMISSION_DENIED` | the caller is known but not allowed |
        /// | 100, 103, 105-109, 114, 801, 952 | 400 | `INVALID_ARGUMENT` | a request parameter is wrong whatever the system's state |
        /// | 101 | 400 | `INVALID_ARGUMENT` | an API key is a parameter, not an HTTP credential with a challenge scheme; Google answers `API_KEY_INVALID` the same way |
        /// | 104 | 400 | `INVALID_ARGUMENT` | a signature is a parameter (`sign`); no HTTP authentication scheme exists to challenge for it, and a 401 must carry a challenge (RFC 9110 15.5.2) |
        /// | 102, 112 | 400 | `INVALID_ARGUMENT` | a session key is a parameter, as an API key is: no HTTP authentication scheme carries it, and a 401 must carry a challenge (RFC 9110 15.5.2) |
        /// | 110, 111 | 401 | `UNAUTHENTICATED` | a bearer token invalid or expired: RFC 6750 3.1 `invalid_token` |
        /// | 800 | 500 | `UNKNOWN` | the data store gave no more information |
        /// | 803, 900 | 404 | `NOT_FOUND` | the object or application does not exist |
        /// | 804 | 409 | `ALREADY_EXISTS` | code.proto: "the entity that a client attempted to create already exists" (not `ABORTED`, a concurrency conflict) |
        /// | 805 | 503 | `UNAVAILABLE` | the message says "please try again": transient |
        /// | 950, 951, 953 | 400 | `FAILED_PRECONDITION` | code.proto: "the system is not in a state required for the operation" (batch mode begun or not) |
        ///
        /// # Examples
        ///
        /// ```
        /// use api_error_i18n::{message, ErrorCode};
        ///
        /// let code = ErrorCode::try_from(110)?;
        /// assert_eq!(code, ErrorCode::AccessTokenInvalid);
        /// assert_eq!(code.code(), 110);
        /// assert_eq!(code.reason(), "ACCESS_TOKEN_INVALID");
        /// assert_eq!(message(code.code(), "zh-CN", None), "无效的access token");
        /// # Ok::<(), api_error_i18n::Error>(())
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u32)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant = $number, )*
        }

        impl ErrorCode {
            /// Every code, in ascending order.
            ///
            /// # Examples
            ///
            /// ```
            /// use api_error_i18n::ErrorCode;
            ///
            /// assert_eq!(ErrorCode::ALL.len(), 36);
            /// assert_eq!(ErrorCode::ALL.first(), Some(&ErrorCode::Success));
            /// ```
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The code's AIP-193 `ErrorInfo.reason`: UPPER_SNAKE_CASE, declared with the code,
            /// so renaming the variant never changes the wire.
            ///
            /// # Examples
            ///
            /// ```
            /// use api_error_i18n::ErrorCode;
            ///
            /// assert_eq!(ErrorCode::ObjectAlreadyExists.reason(), "OBJECT_ALREADY_EXISTS");
            /// ```
            pub const fn reason(self) -> &'static str {
                match self { $(ErrorCode::$variant => $reason,)* }
            }

            /// The HTTP status this code answers with by default.
            #[cfg_attr(not(feature = "http"), allow(dead_code))]
            pub(crate) const fn status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status,)* }
            }

            /// The code's `google.rpc.Code`.
            #[cfg_attr(not(feature = "http"), allow(dead_code))]
            pub(crate) const fn canonical(self) -> Canonical {
                match self { $(ErrorCode::$variant => Canonical::$canonical,)* }
            }
        }

        impl TryFrom<u32> for ErrorCode {
            type Error = Error;

            /// The variant for `code`, or [`Error::UnknownCode`] for a number that is not one of
            /// the 36.
            fn try_from(code: u32) -> Result<Self, Error> {
                match code {
                    $($number => Ok(ErrorCode::$variant),)*
                    _ => Err(Error::UnknownCode(code)),
                }
            }
        }
    };
}

codes! {
    /// 0: The call succeeded.
    Success = 0, 200, "SUCCESS", Ok;
    /// 1: Unknown error.
    Unknown = 1, 500, "UNKNOWN", Unknown;
    /// 2: Service temporarily unavailable.
    ServiceUnavailable = 2, 503, "SERVICE_UNAVAILABLE", Unavailable;
    /// 3: Unsupported openapi method.
    UnsupportedMethod = 3, 404, "UNSUPPORTED_METHOD", NotFound;
    /// 4: Open api request limit reached.
    RequestLimitReached = 4, 429, "REQUEST_LIMIT_REACHED", ResourceExhausted;
    /// 5: Unauthorized client IP address; the message takes the argument `$ip`.
    UnauthorizedClientIp = 5, 403, "UNAUTHORIZED_CLIENT_IP", PermissionDenied;
    /// 6: No permission to access data.
    NoDataPermission = 6, 403, "NO_DATA_PERMISSION", PermissionDenied;
    /// 7: No permission to access data for this referer.
    RefererNotPermitted = 7, 403, "REFERER_NOT_PERMITTED", PermissionDenied;
    /// 100: Invalid parameter.
    InvalidParameter = 100, 400, "INVALID_PARAMETER", InvalidArgument;
    /// 101: Invalid API key.
    InvalidApiKey = 101, 400, "INVALID_API_KEY", InvalidArgument;
    /// 102: Session key invalid or no longer valid.
    SessionKeyInvalid = 102, 400, "SESSION_KEY_INVALID", InvalidArgument;
    /// 103: Invalid/Used call_id parameter.
    InvalidCallId = 103, 400, "INVALID_CALL_ID", InvalidArgument;
    /// 104: Incorrect signature.
    IncorrectSignature = 104, 400, "INCORRECT_SIGNATURE", InvalidArgument;
    /// 105: Too many parameters.
    TooManyParameters = 105, 400, "TOO_MANY_PARAMETERS", InvalidArgument;
    /// 106: Unsupported signature method.
    UnsupportedSignatureMethod = 106, 400, "UNSUPPORTED_SIGNATURE_METHOD", InvalidArgument;
    /// 107: Invalid/Used timestamp parameter.
    InvalidTimestamp = 107, 400, "INVALID_TIMESTAMP", InvalidArgument;
    /// 108: Invalid user id.
    InvalidUserId = 108, 400, "INVALID_USER_ID", InvalidArgument;
    /// 109: Invalid user info field.
    InvalidUserInfoField = 109, 400, "INVALID_USER_INFO_FIELD", InvalidArgument;
    /// 110: Access token invalid or no longer valid.
    AccessTokenInvalid = 110, 401, "ACCESS_TOKEN_INVALID", Unauthenticated;
    /// 111: Access token expired.
    AccessTokenExpired = 111, 401, "ACCESS_TOKEN_EXPIRED", Unauthenticated;
    /// 112: Session key expired.
    SessionKeyExpired = 112, 400, "SESSION_KEY_EXPIRED", InvalidArgument;
    /// 114: Invalid Ip.
    InvalidIp = 114, 400, "INVALID_IP", InvalidArgument;
    /// 210: User not visible.
    UserNotVisible = 210, 403, "USER_NOT_VISIBLE", PermissionDenied;
    /// 211: Unsupported permission.
    UnsupportedPermission = 211, 403, "UNSUPPORTED_PERMISSION", PermissionDenied;
    /// 212: No permission to access user email.
    NoEmailPermission = 212, 403, "NO_EMAIL_PERMISSION", PermissionDenied;
    /// 800: Unknown data store API error.
    DataStoreUnknown = 800, 500, "DATA_STORE_UNKNOWN", Unknown;
    /// 801: Invalid operation.
    InvalidOperation = 801, 400, "INVALID_OPERATION", InvalidArgument;
    /// 802: Data store allowable quota was exceeded.
    DataStoreQuotaExceeded = 802, 429, "DATA_STORE_QUOTA_EXCEEDED", ResourceExhausted;
    /// 803: Specified object cannot be found.
    ObjectNotFound = 803, 404, "OBJECT_NOT_FOUND", NotFound;
    /// 804: Specified object already exists.
    ObjectAlreadyExists = 804, 409, "OBJECT_ALREADY_EXISTS", AlreadyExists;
    /// 805: A database error occurred. Please try again.
    DatabaseFailure = 805, 503, "DATABASE_FAILURE", Unavailable;
    /// 900: No such application exists.
    NoSuchApplication = 900, 404, "NO_SUCH_APPLICATION", NotFound;
    /// 950: begin_batch already called, please make sure to call end_batch first.
    BatchAlreadyStarted = 950, 400, "BATCH_ALREADY_STARTED", FailedPrecondition;
    /// 951: end_batch called before start_batch.
    BatchNotStarted = 951, 400, "BATCH_NOT_STARTED", FailedPrecondition;
    /// 952: Each batch API can not contain more than 20 items.
    TooManyBatchItems = 952, 400, "TOO_MANY_BATCH_ITEMS", InvalidArgument;
    /// 953: Method is not allowed in batch mode.
    MethodNotAllowedInBatch = 953, 400, "METHOD_NOT_ALLOWED_IN_BATCH", FailedPrecondition;
}

impl ErrorCode {
    /// The number the API returns for this error.
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::BatchAlreadyStarted.code(), 950);
    /// ```
    pub const fn code(self) -> u32 {
        self as u32
    }
}

/// The canonical error codes of google/rpc/code.proto that an error here can have (all but
/// `DATA_LOSS`), with the HTTP status each maps to there.
#[cfg_attr(not(feature = "http"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Canonical {
    Ok,
    Cancelled,
    Unknown,
    InvalidArgument,
    DeadlineExceeded,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    Unauthenticated,
    ResourceExhausted,
    FailedPrecondition,
    Aborted,
    OutOfRange,
    Unimplemented,
    Internal,
    Unavailable,
}

#[cfg_attr(not(feature = "http"), allow(dead_code))]
impl Canonical {
    /// The enum value's name in code.proto, as AIP-193's `error.status` spells it.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            Canonical::Ok => "OK",
            Canonical::Cancelled => "CANCELLED",
            Canonical::Unknown => "UNKNOWN",
            Canonical::InvalidArgument => "INVALID_ARGUMENT",
            Canonical::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Canonical::NotFound => "NOT_FOUND",
            Canonical::AlreadyExists => "ALREADY_EXISTS",
            Canonical::PermissionDenied => "PERMISSION_DENIED",
            Canonical::Unauthenticated => "UNAUTHENTICATED",
            Canonical::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Canonical::FailedPrecondition => "FAILED_PRECONDITION",
            Canonical::Aborted => "ABORTED",
            Canonical::OutOfRange => "OUT_OF_RANGE",
            Canonical::Unimplemented => "UNIMPLEMENTED",
            Canonical::Internal => "INTERNAL",
            Canonical::Unavailable => "UNAVAILABLE",
        }
    }

    /// The HTTP mapping code.proto states for the value (`// HTTP Mapping: 409 Conflict`).
    pub(crate) const fn http_status(self) -> u16 {
        match self {
            Canonical::Ok => 200,
            Canonical::Cancelled => 499,
            Canonical::Unknown | Canonical::Internal => 500,
            Canonical::InvalidArgument | Canonical::FailedPrecondition | Canonical::OutOfRange => {
                400
            }
            Canonical::DeadlineExceeded => 504,
            Canonical::NotFound => 404,
            Canonical::AlreadyExists | Canonical::Aborted => 409,
            Canonical::PermissionDenied => 403,
            Canonical::Unauthenticated => 401,
            Canonical::ResourceExhausted => 429,
            Canonical::Unimplemented => 501,
            Canonical::Unavailable => 503,
        }
    }

    /// The value for an HTTP status with no code of its own (an app's code): the value whose
    /// mapping is that status, else the nearest of its class. Where code.proto's text says
    /// more than its mappings: 412 is `FAILED_PRECONDITION` (its NOTE: a server that sees
    /// ETag-related headers "may choose to return 412 instead of 400 for this error code"); 405
    /// is `UNIMPLEMENTED` ("the operation is ... not supported/enabled in this service"). An
    /// error sent with a 2xx or 3xx status is still an error, never `OK`: `UNKNOWN` (the
    /// status says nothing of what went wrong).
    pub(crate) const fn from_status(status: u16) -> Canonical {
        match status {
            100..=399 => Canonical::Unknown,
            401 => Canonical::Unauthenticated,
            403 => Canonical::PermissionDenied,
            404 => Canonical::NotFound,
            405 => Canonical::Unimplemented,
            409 => Canonical::Aborted,
            412 => Canonical::FailedPrecondition,
            416 => Canonical::OutOfRange,
            429 => Canonical::ResourceExhausted,
            499 => Canonical::Cancelled,
            400..=499 => Canonical::InvalidArgument,
            501 => Canonical::Unimplemented,
            503 => Canonical::Unavailable,
            504 => Canonical::DeadlineExceeded,
            _ => Canonical::Internal,
        }
    }
}

impl From<ErrorCode> for u32 {
    fn from(code: ErrorCode) -> u32 {
        code.code()
    }
}
