/// The new key, the space bar: it makes the character jump.
pub const JUMP: char = ' ';
