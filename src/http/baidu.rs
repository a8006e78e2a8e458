//! Baidu's body: `{"error_code":110,"error_msg":"无效的access token"}`.

use serde::Serialize;

/// [`ErrorBody`](crate::ErrorBody), borrowing its text: the same two fields in the same order.
#[derive(Serialize)]
pub(crate) struct Baidu<'a> {
    pub(crate) error_code: u32,
    pub(crate) error_msg: &'a str,
}

/// Baidu's media type: plain JSON.
pub(crate) const CONTENT_TYPE: &str = "application/json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baidu_body_is_error_body() {
        let body = crate::ErrorBody {
            error_code: 5,
            error_msg: "请求来自未经授权的IP地址：203.0.113.7".into(),
        };
        let borrowed = Baidu {
            error_code: body.error_code,
            error_msg: &body.error_msg,
        };
        assert_eq!(
            serde_json::to_string(&borrowed).unwrap(),
            serde_json::to_string(&body).unwrap()
        );
    }
}
