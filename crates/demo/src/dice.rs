//! The demo's own dice: a SplitMix64 stream with a fixed seed, so every load is the same.
use chrono::{Days, NaiveDate};

/// SplitMix64 (Steele, Lea, Flood 2014). Written here rather than taken from `rand`, whose
/// generators may change their stream between versions: the demo must stay the same.
#[derive(Debug, Clone)]
pub(crate) struct Dice(u64);

impl Dice {
    pub(crate) fn new(seed: u64) -> Dice {
        Dice(seed)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    pub(crate) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo { lo } else { lo + self.below((hi - lo + 1) as u64) as i64 }
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One item of a non-empty list.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// One item of a non-empty list, each as likely as its weight.
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut roll = self.below(total);
        for (item, w) in items {
            if roll < u64::from(*w) {
                return item;
            }
            roll -= u64::from(*w);
        }
        &items[items.len() - 1].0
    }

    /// A day in `from..=to` (`from` when the range is empty).
    pub(crate) fn day_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        from + Days::new(self.between(0, span).max(0) as u64)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_fixed() {
        // The first outputs of SplitMix64 seeded with 0, as published with the algorithm.
        let mut dice = Dice::new(0);
        assert_eq!(dice.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(dice.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut dice = Dice::new(7);
        let from = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2020, 1, 3).unwrap();
        for _ in 0..1000 {
            let n = dice.between(3, 5);
            assert!((3..=5).contains(&n));
            let d = dice.day_between(from, to);
            assert!(from <= d && d <= to);
            assert!(dice.unit() < 1.0);
        }
        assert_eq!(dice.between(5, 5), 5);
        assert_eq!(*dice.weighted(&[("a", 0), ("b", 1)]), "b");
    }
}
