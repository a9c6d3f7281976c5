"""Payment gateways: the interface (`base`) and cash on delivery (`cod`)."""
