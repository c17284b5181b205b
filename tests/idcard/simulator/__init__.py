"""An ICAO 9303 card simulator for the tests: card side of BAC, PACE-CAN, 3DES/AES secure messaging,
speaking the vpcd protocol to the real pcscd + vsmartcard-vpcd stack."""
