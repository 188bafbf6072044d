use std::process::Command;

#[test]
fn bad_arguments_give_one_error_line_and_exit_code_2() {
    let bad: &[&[&str]] = &[
        &["--fast"],
        &["--child"],
        &["--child", "x"],
        &["a", "b", "c"],
    ];
    for args in bad {
        let out = Command::new(env!("CARGO_BIN_EXE_processes"))
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    }
}
