"""`/calc/*`: the calculators behind thin views."""

from flask.views import MethodView
from flask_smorest import Blueprint

from service import calculators
from service.channels.api.schemas import calc as schemas
from service.channels.api.schemas import examples

bp = Blueprint("calc", __name__, url_prefix="/calc", description="Calculators with worked steps.")


@bp.route("/conv")
class ConvOutput(MethodView):
    @bp.arguments(schemas.ConvRequestSchema(), example=examples.CONV)
    @bp.response(200, schemas.ConvResponseSchema)
    def post(self, request):
        """Output size of a convolution, pooling or transposed convolution (and its MACs)."""
        return calculators.conv_output(**request)


@bp.route("/params")
class LayerParams(MethodView):
    @bp.arguments(schemas.ParamsRequestSchema(), example=examples.PARAMS)
    @bp.response(200, schemas.ParamsResponseSchema)
    def post(self, request):
        """Parameter count of a Conv2d (grouped, depthwise), linear or recurrent layer."""
        layer = request.pop("layer")
        if layer == "linear":
            return calculators.linear_params(**request)
        if layer in calculators.RECURRENT_CELLS:
            return calculators.recurrent_params(layer, **request)
        return calculators.conv2d_params(**request)


@bp.route("/eigen")
class RecurrentEigen(MethodView):
    @bp.arguments(schemas.EigenRequestSchema(), example=examples.EIGEN)
    @bp.response(200, schemas.EigenResponseSchema)
    def post(self, request):
        """Eigenvalues of a recurrent weight matrix and the exploding/vanishing verdict."""
        return calculators.recurrent_gradient_check(**request)


@bp.route("/attention")
class PatchAttention(MethodView):
    @bp.arguments(schemas.AttentionRequestSchema(), example=examples.ATTENTION)
    @bp.response(200, schemas.AttentionResponseSchema)
    def post(self, request):
        """Cost of self-attention over image patches (the seed's Q11)."""
        return calculators.patch_attention_cost(**request)


@bp.route("/sequence-attention")
class SequenceAttention(MethodView):
    @bp.arguments(schemas.SequenceAttentionRequestSchema(), example=examples.SEQUENCE_ATTENTION)
    @bp.response(200, schemas.SequenceAttentionResponseSchema)
    def post(self, request):
        """Cost of self-attention over a sequence of n tokens of dimension d."""
        return calculators.sequence_attention_cost(**request)


@bp.route("/metrics")
class ClassificationMetrics(MethodView):
    @bp.arguments(schemas.MetricsRequestSchema(), example=examples.METRICS)
    @bp.response(200, schemas.MetricsResponseSchema)
    def post(self, request):
        """Accuracy, precision, recall, specificity and F1 from a confusion matrix (Q4)."""
        return calculators.classification_metrics(**request)
