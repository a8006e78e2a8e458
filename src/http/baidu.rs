//! Baidu's body: `{"error_code":110,"error_msg":"无效的access token"}`.

use http::HeaderValue;

use crate::http::json::Json;

/// The body of `code` with `message`, as `serde_json` writes [`ErrorBody`](crate::ErrorBody).
pub(crate) fn to_json(code: u32, message: &str) -> Option<Vec<u8>> {
    // The fragments, a number of up to 10 digits, the quotes, a few escapes.
    let mut json = Json::with_capacity(48 + message.len());
    json.raw(r#"{"error_code":"#)
        .number(code.into())
        .raw(r#","error_msg":"#)
        .string(message)
        .raw("}");
    json.finish()
}

/// Baidu's media type: plain JSON.
pub(crate) const CONTENT_TYPE: HeaderValue = HeaderValue::from_static("application/json");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_body_is_what_serde_json_writes() {
        let messages = [
            "",
            "无效的access token",
            "quote \" backslash \\ slash / tab \t newline \n bell \u{7} del \u{7f}",
            "\u{2028} \u{2029} \u{1f600} \u{0} \u{1f}",
        ];
        for code in [0, 5, 110, 31001, u32::MAX] {
            for message in messages {
                let body = crate::ErrorBody {
                    error_code: code,
                    error_msg: message.into(),
                };
                assert_eq!(
                    to_json(code, message).unwrap(),
                    serde_json::to_vec(&body).unwrap(),
                    "{code} {message:?}"
                );
            }
        }
    }
}
