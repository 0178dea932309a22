// The verification key of circuit c2pa-es256 v2: the only key a verifier trusts. A pack's own copy is ignored unless
// byte-identical (verify-pack.ts). Anyone can recompute it from this source: compiling the circuit gives exactly this
// key (asserted by the real-proof test, test/integration/cli-prove-verify.test.ts); there is no trusted setup.
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
