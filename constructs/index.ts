/**
 * `totp-kit/constructs`: CDKTF constructs for TOTP keys, MFA methods and enrollments. They land with
 * the constructs release (see README, "Coming"); this entry exists so the package's export map is stable.
 */
export {};
