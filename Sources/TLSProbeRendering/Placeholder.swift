import TLSProbeCore
public enum RenderingPlaceholder {}
