"""What the graphical-model tests share: the seed's Q5 and readers of the results."""

import xml.etree.ElementTree as ET

Q5_P = "p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)"
Q5_Q = "q(z1,z2|x1,x2) = q(z1|x1,x2)q(z2|x2)"
SVG = "{http://www.w3.org/2000/svg}"


def edge_set(edges):
    return {(e["from"], e["to"], e["distribution"], e["style"]) for e in edges}


def parse_svg(svg: str):
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root
