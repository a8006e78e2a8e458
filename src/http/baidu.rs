//! Baidu's body: `{"error_code":110,"error_msg":"无效的access token"}`.

/// The body of `code` with `message`, as `serde_json` writes [`ErrorBody`](crate::ErrorBody), without its map
/// serializer: two constant fragments around the number and the escaped string, in one
/// buffer sized for the whole body.
pub(crate) fn to_json(code: u32, message: &str) -> Option<Vec<u8>> {
    const START: &[u8] = br#"{"error_code":"#;
    const MIDDLE: &[u8] = br#","error_msg":"#;
    // 10 digits, the quotes, a few escapes; a longer body grows the buffer.
    let mut json = Vec::with_capacity(START.len() + MIDDLE.len() + message.len() + 24);
    json.extend_from_slice(START);
    serde_json::to_writer(&mut json, &code).ok()?;
    json.extend_from_slice(MIDDLE);
    serde_json::to_writer(&mut json, message).ok()?;
    json.push(b'}');
    Some(json)
}

/// Baidu's media type: plain JSON.
pub(crate) const CONTENT_TYPE: &str = "application/json";

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
