use std::borrow::Cow;

use crate::{Error, FluentArgs};

/// The 36 error codes of the Baidu-style open API, each named for what went wrong.
///
/// The discriminant is the number the API returns. Lookup goes by message id (`error-<code>`),
/// not by this enum: codes an app adds to its `.ftl` files are served by
/// [`message`](crate::message) without a variant here.
///
/// # Examples
///
/// ```
/// use api_error_i18n::ErrorCode;
///
/// let code = ErrorCode::try_from(110).unwrap();
/// assert_eq!(code, ErrorCode::AccessTokenInvalid);
/// assert_eq!(code.code(), 110);
/// assert_eq!(code.message("zh-CN", None), "无效的access token");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
#[non_exhaustive]
pub enum ErrorCode {
    /// 0: The call succeeded.
    Success = 0,
    /// 1: Unknown error.
    Unknown = 1,
    /// 2: Service temporarily unavailable.
    ServiceUnavailable = 2,
    /// 3: Unsupported openapi method.
    UnsupportedMethod = 3,
    /// 4: Open api request limit reached.
    RequestLimitReached = 4,
    /// 5: Unauthorized client IP address; the message takes the argument `$ip`.
    UnauthorizedClientIp = 5,
    /// 6: No permission to access data.
    NoDataPermission = 6,
    /// 7: No permission to access data for this referer.
    RefererNotPermitted = 7,
    /// 100: Invalid parameter.
    InvalidParameter = 100,
    /// 101: Invalid API key.
    InvalidApiKey = 101,
    /// 102: Session key invalid or no longer valid.
    SessionKeyInvalid = 102,
    /// 103: Invalid/Used call_id parameter.
    InvalidCallId = 103,
    /// 104: Incorrect signature.
    IncorrectSignature = 104,
    /// 105: Too many parameters.
    TooManyParameters = 105,
    /// 106: Unsupported signature method.
    UnsupportedSignatureMethod = 106,
    /// 107: Invalid/Used timestamp parameter.
    InvalidTimestamp = 107,
    /// 108: Invalid user id.
    InvalidUserId = 108,
    /// 109: Invalid user info field.
    InvalidUserInfoField = 109,
    /// 110: Access token invalid or no longer valid.
    AccessTokenInvalid = 110,
    /// 111: Access token expired.
    AccessTokenExpired = 111,
    /// 112: Session key expired.
    SessionKeyExpired = 112,
    /// 114: Invalid Ip.
    InvalidIp = 114,
    /// 210: User not visible.
    UserNotVisible = 210,
    /// 211: Unsupported permission.
    UnsupportedPermission = 211,
    /// 212: No permission to access user email.
    NoEmailPermission = 212,
    /// 800: Unknown data store API error.
    DataStoreUnknown = 800,
    /// 801: Invalid operation.
    InvalidOperation = 801,
    /// 802: Data store allowable quota was exceeded.
    DataStoreQuotaExceeded = 802,
    /// 803: Specified object cannot be found.
    ObjectNotFound = 803,
    /// 804: Specified object already exists.
    ObjectAlreadyExists = 804,
    /// 805: A database error occurred. Please try again.
    DatabaseFailure = 805,
    /// 900: No such application exists.
    NoSuchApplication = 900,
    /// 950: begin_batch already called, please make sure to call end_batch first.
    BatchAlreadyStarted = 950,
    /// 951: end_batch called before start_batch.
    BatchNotStarted = 951,
    /// 952: Each batch API can not contain more than 20 items.
    TooManyBatchItems = 952,
    /// 953: Method is not allowed in batch mode.
    MethodNotAllowedInBatch = 953,
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
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::Success,
        ErrorCode::Unknown,
        ErrorCode::ServiceUnavailable,
        ErrorCode::UnsupportedMethod,
        ErrorCode::RequestLimitReached,
        ErrorCode::UnauthorizedClientIp,
        ErrorCode::NoDataPermission,
        ErrorCode::RefererNotPermitted,
        ErrorCode::InvalidParameter,
        ErrorCode::InvalidApiKey,
        ErrorCode::SessionKeyInvalid,
        ErrorCode::InvalidCallId,
        ErrorCode::IncorrectSignature,
        ErrorCode::TooManyParameters,
        ErrorCode::UnsupportedSignatureMethod,
        ErrorCode::InvalidTimestamp,
        ErrorCode::InvalidUserId,
        ErrorCode::InvalidUserInfoField,
        ErrorCode::AccessTokenInvalid,
        ErrorCode::AccessTokenExpired,
        ErrorCode::SessionKeyExpired,
        ErrorCode::InvalidIp,
        ErrorCode::UserNotVisible,
        ErrorCode::UnsupportedPermission,
        ErrorCode::NoEmailPermission,
        ErrorCode::DataStoreUnknown,
        ErrorCode::InvalidOperation,
        ErrorCode::DataStoreQuotaExceeded,
        ErrorCode::ObjectNotFound,
        ErrorCode::ObjectAlreadyExists,
        ErrorCode::DatabaseFailure,
        ErrorCode::NoSuchApplication,
        ErrorCode::BatchAlreadyStarted,
        ErrorCode::BatchNotStarted,
        ErrorCode::TooManyBatchItems,
        ErrorCode::MethodNotAllowedInBatch,
    ];

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

    /// The message for this code in the best language for `locale`; the same as
    /// [`message(self.code(), locale, args)`](crate::message).
    ///
    /// # Examples
    ///
    /// ```
    /// use api_error_i18n::{ErrorCode, FluentArgs};
    ///
    /// let mut args = FluentArgs::new();
    /// args.set("ip", "203.0.113.7");
    /// assert_eq!(
    ///     ErrorCode::UnauthorizedClientIp.message("en", Some(&args)),
    ///     "Unauthorized client IP address:203.0.113.7",
    /// );
    /// ```
    pub fn message(self, locale: &str, args: Option<&FluentArgs>) -> Cow<'static, str> {
        crate::message(self.code(), locale, args)
    }
}

impl From<ErrorCode> for u32 {
    fn from(code: ErrorCode) -> u32 {
        code.code()
    }
}

impl TryFrom<u32> for ErrorCode {
    type Error = Error;

    /// The variant for `code`, or [`Error::UnknownCode`] for a number that is not one of the 36.
    fn try_from(code: u32) -> Result<Self, Error> {
        Ok(match code {
            0 => ErrorCode::Success,
            1 => ErrorCode::Unknown,
            2 => ErrorCode::ServiceUnavailable,
            3 => ErrorCode::UnsupportedMethod,
            4 => ErrorCode::RequestLimitReached,
            5 => ErrorCode::UnauthorizedClientIp,
            6 => ErrorCode::NoDataPermission,
            7 => ErrorCode::RefererNotPermitted,
            100 => ErrorCode::InvalidParameter,
            101 => ErrorCode::InvalidApiKey,
            102 => ErrorCode::SessionKeyInvalid,
            103 => ErrorCode::InvalidCallId,
            104 => ErrorCode::IncorrectSignature,
            105 => ErrorCode::TooManyParameters,
            106 => ErrorCode::UnsupportedSignatureMethod,
            107 => ErrorCode::InvalidTimestamp,
            108 => ErrorCode::InvalidUserId,
            109 => ErrorCode::InvalidUserInfoField,
            110 => ErrorCode::AccessTokenInvalid,
            111 => ErrorCode::AccessTokenExpired,
            112 => ErrorCode::SessionKeyExpired,
            114 => ErrorCode::InvalidIp,
            210 => ErrorCode::UserNotVisible,
            211 => ErrorCode::UnsupportedPermission,
            212 => ErrorCode::NoEmailPermission,
            800 => ErrorCode::DataStoreUnknown,
            801 => ErrorCode::InvalidOperation,
            802 => ErrorCode::DataStoreQuotaExceeded,
            803 => ErrorCode::ObjectNotFound,
            804 => ErrorCode::ObjectAlreadyExists,
            805 => ErrorCode::DatabaseFailure,
            900 => ErrorCode::NoSuchApplication,
            950 => ErrorCode::BatchAlreadyStarted,
            951 => ErrorCode::BatchNotStarted,
            952 => ErrorCode::TooManyBatchItems,
            953 => ErrorCode::MethodNotAllowedInBatch,
            _ => return Err(Error::UnknownCode(code)),
        })
    }
}
