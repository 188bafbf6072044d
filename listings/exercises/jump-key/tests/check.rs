//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes.

use jump_key::{CharacterMove, JUMP};

/// Resumes a new character with each key in turn; returns what it said.
fn play(keys: &[char]) -> (Vec<&'static str>, (i32, i32)) {
    let mut character = CharacterMove::new();
    let steps = keys.iter().map(|&key| character.resume(key)).collect();
    (steps, character.position())
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn the_jump_key_jumps_one_cell_up() {
    assert_eq!(play(&[JUMP]), (vec!["jump"], (0, 1)));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn any_other_key_in_the_air_lands() {
    for key in ['⇑', '⇓', JUMP, 'x'] {
        let (steps, position) = play(&[JUMP, key]);
        assert_eq!(steps, ["jump", "land"], "key {key:?}");
        assert_eq!(position, (0, 0), "key {key:?}");
    }
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn left_and_right_steer_the_landing() {
    assert_eq!(play(&[JUMP, '⟹']), (vec!["jump", "right and land"], (1, 0)));
    assert_eq!(play(&[JUMP, '⟸']), (vec!["jump", "left and land"], (-1, 0)));
}

#[test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
fn after_landing_the_arrows_walk_again() {
    let keys = ['⟹', JUMP, '⇓', '⇓', '⟸', '⇑', JUMP, JUMP, JUMP];
    let (steps, position) = play(&keys);
    let expected = [
        "right", "jump", "land", "down", "left", "up", "jump", "land", "jump",
    ];
    assert_eq!(steps, expected);
    assert_eq!(position, (0, 1));
}
