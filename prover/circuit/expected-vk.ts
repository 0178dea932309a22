// The verification keys of the circuit family, one per circuit: the only keys a verifier trusts. A pack's own copy is ignored unless
// byte-identical (verify-pack.ts). Anyone can recompute it from this source: compiling the circuit gives exactly this
// key (asserted by the real-proof test, test/integration/cli-prove-verify.test.ts); there is no trusted setup.
import type { CircuitId } from './constants.js';

export const EXPECTED_VK = {
  hash: '27556926836346090812047537210618713964094573141760857026398721570823686103049',
  data: [
    'AgGxrx3XzulPRJDZZH+rGVM6UjrQbR/oyrbb2AqU0QztC7umeRaTkjqKbTNVMJzZo/AaOQq0fRaK32mdc1n9W6w8nzKqMfluYLph',
    'DH8YQXxLWje7HJRtQ5vRbWuN37Io/g8hg+8fDaHUvfmlD9rnPRsn/H6KE0kjYTrEeBn2AE68HzW3z3FxrloH2T1BFc2knFDYfTmM',
    'M0QfQdloKX6DQ60FCn/cZim+lrH2zSG6hooxxF7sovwr72DTh9IXfNEbLhf0QYAdUUpmlo3zy18bIpqv7deVOfIi+WQj0xKFsgDX',
    'Pbe2/m8o1mu8xsvvFnOuXeJvUd32Srpg5R0MoVwTVcA+tFEAi0UssUWREyIVNXsykcLcF/FyiVXMkkXjIWFGCBNqvz6RgDbXZW7b',
    'x5u3BYESeFL38Uv2T+rDC7PLdM5eEccH3vgEX2Mjr21A3TsNQeAyhCWfzef637AOxuR3XEQt0kn0ESM/95agHXwxRmyYXS/p5YR8',
    'IffAmyzx+AdxxgXSyOJr7s5nXCjDW6xtYvxWoNnB0HYQHzdpfnOFMuHoDHFu11QKWuyxak4Sa4jFXUrFmUvFAz1OwCaeLjTb4HkJ',
    'AF4Y1Hh4VJcfzj9sMJZKkYR0Fa9HOJZagx/XBq0r0EIX3awSkoYQzWLBrYcvc4t924bLDAHLsw0IqCu15TNdGgZhq65KrmQYxzwp',
    'Ri30NZorFhi0kRi10eTmE6sCgpYhGLftmZ91H9JLNOZRdk7dBlTaQj05Rk3AkN0zieya3F8EHMnNlxH3iv0EaGlHkWN91dN934i4',
    '0L+oJoLTOQr+ChzFNfcEL9v46I90P9uSo3wNBnAv4eaqn5L7I5gir8XcKOXS24KVWetVYY1rt4hh+mNN+1PiV/z7wV9k04F9YR8n',
    '9Eap/Z43Z9tbro1q8WgvgmPvlAEYuWBmqVVyTU9iDRhfx4ktDFXPSQKJKtqYBSvW61UuS8HTUMQzQ2PpVRuVOmM5wP+ogY8h+z/R',
    'eplU7sNs3MrY1IDqYkkTwWfoC6oeM5lhLjBrLIHYagZaT1hdzkzAULmPnDWkuc9Aots7+yvvxfFHhaVSMdZgk83CQRu6Oys9r7y2',
    '2hhyqp8UxrNwFLS2yRpkQdqtXNEPuB36WAHn2GTYtzhl4Izq7PHvYnERRo4KwbLLcaSwVNe0qHPjpvd7q3hk+o3DS9cMPeRkzAhp',
    'EeFuawBqKKFLcn6FEjMopXPq40N20EfGiN6n3d5zIsEa2vTKBBkE5cHXTv8kv9yCaMjaJV/ImUa95dyA9NUNApLESS8hohFbYbbc',
    'Tuu+nTPcZBbIazZgh7oW3VuXLxDVCRtqdVJcwYZw1wt3+18Vd+nCZPBcqHK6/3cjgtb0AlWVb9pp6d8FiDeZPRIZ3aK8yYKAgYa8',
    'gJh1kNQUSAw4o2g0KENQD/KaozPsRGoNGxTpxT5/6HnxkRdthJqwUgN5kIf4NLeVhfc28IcfruyIimlLNvTr26ySFyU0i0e7HmE0',
    'oPpYdhU2PtY+cCXPulwSsoHt9FGZCHGwWQiVoxE3rRElXvqPJvwalSZFWo43yufJS58zVyFKZEzBUF5kEwnt9UuZd4CavCPNMnpp',
    'ttz237D/Tcp2cJnQ0RFhtytMBfzXXXTiPzvBgcPK1ukgPW3wIL4GaZiq+pz3cZcnecogMlUwnUCfHLaqol/0zNf0/DaYFZQeQ6YL',
    '0vTY+kQPfgRsjs8W3BzaE2le1GxkW5YwnQS+YwR60KTnP7ODKBDfFilnZ8GTMrWbDUeqtDdkf/HG8rwFLBEdJpGmD/gT6Y4PJ9h6',
    'nUDhI/UzLoGONkVN7xiiIcxiLopmSXaJb1Qkwgc2AB4P0XE0p9ku4yCBluK0yxLRXmLKqc2GfoidSUC6BACcA5BOM3btiIIUJ/iy',
    'Cul1wGvwm1xlTzs15iMt00QzMx/T/asUdqS+/bQCHe9bbiq2/l3XPIq4HywsOKrmQTQI+22BH5OmNar8oQcOrqdZQQUSf+J5mQML',
    'HsqlTDcrYRUqZ2EZsRqP7On6EFp9nf4A6bTXxH95YFrRjr1g5yotBh0FGTkfW/p3M1LVAOTIQtAGx+CviHfereNzC/uP34MXKsV6',
    'psHwyKWpqExDcLuHyekMslQFr0lqgA7izakXYzsz/S3pUmROwaGxYEJcZxg61OIDzQkZ8TieuYWU/z1JO6xXIpCVCtUTAju6A/mS',
    'iPBIuFcAbY2rRGDYHMjZ1IckGyD3afTNbifAsxElY6DZ1CVad/G8KX8endGOu9DkAiSHeZe5GonTK0xMOifIHUrf/Rea4xO8TxAQ',
    'sPyf0Xt6MFq38WurIC2LnzNt/dge8yPP7rEfNoDikJj0fAB41xIj7H3N6Y9/hEiAusnpa4cKXaCiUnJNyYTXwKAA2EkqPTs=',
  ].join(''),
};

export const EXPECTED_VK_HASH = EXPECTED_VK.hash;

/** c2pa-es256-rsa v1 (ES256 leaf, RSA CA). */
const EXPECTED_VK_RSA_CA = {
  hash: '24151612292333348947364059736732995088006175494971925825362776346802699925874',
  data: [
    'AgFHHgD0pu+p1u5INngMbmQIA5g96Qy8NG9tap0erYNeIwW7CjaseNt+xDUGn3DSV3GlXz3N9Dz8RLVXRiDHDOcfBdSCU30iCWmA',
    'fkX7wBdx/dACRgL4owJvlDw2jfoA3BlTRqD0PSLfQ2b0WnsCzhD+TznqKnWGvdqHmJxoypjQOStqZo0hZmJ+DQtI83SBqTl3i4al',
    'Udm9Wvky03ZjiOIffniUjserJWUzqM9pWT2eyiubpoGEGKbB3E8askMtkQXP7xGeLiKc2AJN15Sja/GaA7JSopHEgJIKRcDWG0La',
    'KbeD8qCqlVHOE1/VA8iXzlOP29x2Oau6QZP2IfyaYYIk5XpiFYzEaxXGXi9owYUSJO5ORpLn3P0MaCMdvdGYMgvPu6o7DENMhPBI',
    'Vw0HMnQhRRZYD4qgfaTmm5mijLg/NWd4rRNd/CnV1egzC8d7/2gjbpE2uYwIue0COmPa7A80GTLpX+RgmIpi+qNNaxJUtEzlsjUI',
    'l52q+MRF4JWplR/bEU3dAFyG7GFdrY1tmuI3wHpj/2o9byK4SqpZ9C2dGf8a5tLnJq3nHk+759DT28vpQsSGPMtNv+Ql8mWY11w4',
    'AH7Uf85vAKK4G4+dIxCogoa3yx224/dYjKd/2blobYwJ/4XJCp/xqR8eTS2CkbUo/MgKkUkS3vgpBn+E0W22nhviWQj2XMHqmoKi',
    'HhE36qnAD2qchanDfyJohxf7ekvfA2wbugofN5Q3ZVKP8u6Rq+tn62NKF91KPg2AGx5nLu82YNiPLdrj3cqHuFZSIYcSl7Nblu20',
    'ib3kooSCnxCZOwaQyfBz7Sjl1Rca5+1UEhIgM3Zocbo3703w3ksJI9TDA/BVVIVWwpmhggQCHck1zY8H0ftKR3GkuoXDmN9Y7QIO',
    'iYDmQ60pefWEEzgk3lUYcEcSm04elmP7E4x8nLi7dSKjHJSbl0RASW+hRwhKUw+6VgjbIYd2VXvzQze5gYgaDdKJJOsNcj89uRPD',
    'vEzTdvG7GZrT1+4qLQrYYqNvn14XVjoU3aqgQKmgqB5qBNENvVCPgNynSyipZH6jGIvBvhsmM3yfQQDvPD4nWE8x2nC+PQ2yjDg2',
    'rRc8KtmQFPGNHqyeaXBNXDBAIr7Bcm8+k/ChlQeBsrNhJpltkrDb8kcagLolm82DJSiAyJP6hG50ihrf6tPJtzik8aep1dxjBRcP',
    'GBSOKEgi4JZXZbRzmInco0RUlk5znOvNdEmQH9SvBnPBHaPgYSctYgdBf9kXSOA6kCisBlThqRRyR3MV5WEuNbBQysm11djG8cnP',
    'QGWgXuqjFv44iSyvtWMkGRqEjBO+5mzV+cZfS636ay0yx96mBMZQERt9kzKQxF2ThtAHFwY0NpwLhFiZOmFenOw7424JzbpcyuOr',
    'w6J5gQnT9NsBUD2trvFXaZa17zBTbLv6b8mzNu4Pp8dKwjmOxlp6gBO345A6ZfA2Zq5w+2WmxjfSjKycHvrp1ka7aAg1DDjJK4ZA',
    'IHCYVFpT+eeScOcY1liJLU2NT5OcmbQyrr8++Tc+9HlzhB3swrFoZLhowfHYNFfLccGRNgXjVlFTMIuI7DA0O4MJKjQ263YVxzKt',
    'x36zgAdEo5IdRmobXas6NY4kCXV3lo+pqzdvickAh4mCyqppBgxpuvQKNsavMB2vLeoVewooqbqZfq6y6Mw9/nFzfo8ijAQr9Gl0',
    'H+p48xMu2BSfW/LDdvWeCTWPFYDZq5RNRaIcdtby/6VyqwAtwHnrLMV4D0gvLUE2zCEvJZKXlEqq0BHV6yl22NJq7OLqI90GQ6pp',
    'E5S/aWQJ8JlFnuPHCDbrbXOdC7DxQCjl1m2wMBzGl9FVDwDVwBLlqj6LSzep4sve60FfRr520mrR2fgENwB/N4M8ILF0t5xyhS+p',
    'x3cil8xz0XsPoA5mNl1Rh4AfKXNEZmllp4ZbeFVDof4bGPmssPMuxWqprkHWU+mZkB8aCE9TM91pCw2JLhj7bci600tqIiCxayMA',
    'KpkRwz26PwR0mafprNJs2/jsw367iJkZWRz0eF6Sxov92yL3EXd6PbpmvxomdmUdJSoKpZSmgSnaT3mMcK2H0hoE18qLxr4T0+P0',
    'AKOXnc2Gs4MckpOom5PM0HjXWOJ9c9Nt3Pf2IT5S+2vsaN5v7zzaBenN0GYCZW583N41WTu7101mVDOLGpPzNTOse5NRczGG/gMF',
    '2kXR7fTXi9F2WRgXzO1T5VMmYH5KJYmnFYUhJJ/GtZ0lu8LTi/r590+H+bGVKQGKQxtLO3vN4hXCwBSLmAbrmQlGY6B158xVCOZS',
    'GkW0q5XfIaRJrMttX4aTisypP7VRKaZtWKHlAKTUJBPyWS5mt9ok1CKfNhFfGL+kNlqTWtsu1XHnr+T9dQbUezeqS4CY6iw=',
  ].join(''),
};

export const EXPECTED_VKS: Record<CircuitId, { hash: string; data: string }> = {
  'c2pa-es256': EXPECTED_VK,
  'c2pa-es256-rsa': EXPECTED_VK_RSA_CA,
};
